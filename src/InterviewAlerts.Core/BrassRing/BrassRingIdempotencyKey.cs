using System.Runtime.InteropServices;
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
        // One buffer hashed at once: the same bytes, in the same order, as appending each part to an incremental hash.
        var input = new List<byte>(256);
        Append(input, "brassring");
        Append(input, senderId);
        Append(input, credential);
        Append(input, transactId);
        foreach (var packetId in packetIds) Append(input, packetId);
        return Convert.ToHexStringLower(SHA256.HashData(CollectionsMarshal.AsSpan(input)));
    }

    private static void Append(List<byte> input, string part)
    {
        var bytes = Encoding.UTF8.GetBytes(part);
        input.AddRange(BitConverter.GetBytes(bytes.Length));
        input.AddRange(bytes);
    }
}
