using System.Security.Cryptography;

namespace InterviewAlerts.Core.Tracking;

/// <summary>
/// Tracking ids are random (130 bits), never derived from what a caller sent, so nobody can compute another
/// request's id. A retransmission finds its request's id through the idempotency key entity instead.
/// </summary>
public static class TrackingIds
{
    private const string Prefix = "ia_";
    private const int Characters = 26;
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford base32, lower case

    /// <summary>A new id: "ia_" and 26 characters drawn uniformly by the cryptographic generator.</summary>
    public static string New() => Prefix + RandomNumberGenerator.GetString(Alphabet, Characters);

    /// <summary>True for strings shaped like a tracking id (guards the status route and table keys).</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: 29 } && id.StartsWith(Prefix, StringComparison.Ordinal) && id.AsSpan(Prefix.Length).IndexOfAnyExcept(Alphabet) < 0;
}
