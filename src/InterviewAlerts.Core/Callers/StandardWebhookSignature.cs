using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace InterviewAlerts.Core.Callers;

/// <summary>
/// Standard Webhooks signatures: HMAC-SHA256 over "id.timestamp.body" with the base64 key after "whsec_",
/// sent as space-separated "v1,&lt;base64&gt;" entries; timestamps more than 5 minutes from now are refused.
/// </summary>
public static class StandardWebhookSignature
{
    public const string SecretPrefix = "whsec_";

    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private const int SignatureBytes = 32;

    /// <summary>The HMAC key of a "whsec_&lt;base64&gt;" secret; false when the secret is not in that form.</summary>
    public static bool TryDecodeSecret(string? secret, out byte[] key)
    {
        key = [];
        if (secret is null || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal)) return false;
        var encoded = secret[SecretPrefix.Length..];
        var buffer = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, buffer, out var length) || length == 0) return false;
        key = buffer[..length];
        return true;
    }

    /// <summary>The signature of one message, as the header carries it ("v1,&lt;base64&gt;").</summary>
    public static string Sign(byte[] key, string id, long timestamp, ReadOnlySpan<byte> body) =>
        "v1," + Convert.ToBase64String(Compute(key, id, timestamp.ToString(CultureInfo.InvariantCulture), body));

    /// <summary>True when the timestamp is Unix seconds within <see cref="Tolerance"/> of <paramref name="now"/>.</summary>
    public static bool IsFresh(string timestamp, DateTimeOffset now)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return false;
        var nowSeconds = now.ToUnixTimeSeconds();
        return Math.Abs(nowSeconds - seconds) <= (long)Tolerance.TotalSeconds;
    }

    /// <summary>True when any "v1," entry of the header is the signature of the message under any of the keys; constant time per entry.</summary>
    public static bool Matches(IReadOnlyList<byte[]> keys, string id, string timestamp, ReadOnlySpan<byte> body, string signatureHeader)
    {
        var expected = new List<byte[]>(keys.Count);
        foreach (var key in keys) expected.Add(Compute(key, id, timestamp, body));
        var given = new byte[SignatureBytes];
        var matched = false;
        foreach (var entry in signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!entry.StartsWith("v1,", StringComparison.Ordinal)) continue;
            if (!Convert.TryFromBase64String(entry[3..], given, out var length) || length != SignatureBytes) continue;
            foreach (var signature in expected) matched |= CryptographicOperations.FixedTimeEquals(signature, given);
        }

        return matched;
    }

    private static byte[] Compute(byte[] key, string id, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.UTF8.GetBytes($"{id}.{timestamp}."));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
