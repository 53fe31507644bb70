using System.Security.Cryptography;
using System.Text;

namespace InterviewAlerts.Core.Tracking;

/// <summary>
/// Tracking ids are derived from the request's idempotency key, so a retransmission of the same request
/// maps to the same id (and the same record) without any lookup table.
/// </summary>
public static class TrackingIds
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford base32, lower case

    public static string FromIdempotencyKey(string scope, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(scope + "\n" + key));
        var builder = new StringBuilder("ia_", 3 + 26);
        var buffer = 0;
        var bits = 0;
        foreach (var b in hash.AsSpan(0, 17))
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5 && builder.Length < 3 + 26)
            {
                builder.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        return builder.ToString();
    }

    /// <summary>True for strings shaped like a tracking id (guards the status route and table keys).</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: 29 } && id.StartsWith("ia_", StringComparison.Ordinal) && id.AsSpan(3).IndexOfAnyExcept(Alphabet) < 0;
}
