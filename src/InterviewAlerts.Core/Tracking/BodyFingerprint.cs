using System.Security.Cryptography;

namespace InterviewAlerts.Core.Tracking;

/// <summary>SHA-256 (lower-case hex) of the canonical Paradox body: equal exactly when Paradox would receive the same bytes.</summary>
public static class BodyFingerprint
{
    public static string Of(ReadOnlySpan<byte> paradoxBody) => Convert.ToHexStringLower(SHA256.HashData(paradoxBody));
}
