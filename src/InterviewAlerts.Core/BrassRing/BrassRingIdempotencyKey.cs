using System.Security.Cryptography;
using System.Text;

namespace InterviewAlerts.Core.BrassRing;

/// <summary>
/// The de-duplication key of a transaction. Each part is length-prefixed so that no two different
/// tuples ("ab"+"c" versus "a"+"bc") can produce the same input to the hash.
/// </summary>
internal static class BrassRingIdempotencyKey
{
    public static string Compute(string senderId, string credential, string transactId, IEnumerable<string> packetIds)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, "brassring");
        Append(hash, senderId);
        Append(hash, credential);
        Append(hash, transactId);
        foreach (var packetId in packetIds) Append(hash, packetId);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, string part)
    {
        var bytes = Encoding.UTF8.GetBytes(part);
        hash.AppendData(BitConverter.GetBytes(bytes.Length));
        hash.AppendData(bytes);
    }
}
