using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using InterviewAlerts.Core.Secrets;

namespace InterviewAlerts.Core.BrassRing;

/// <summary>
/// Checks HTTP Basic credentials of a BrassRing export. The username names the caller; its password is the
/// secret "BrassRing:CallerSecrets:&lt;username&gt;" (Key Vault: "BrassRing--CallerSecrets--&lt;username&gt;").
/// Passwords are compared as SHA-256 hashes in fixed time, so neither content nor length leaks through timing.
/// </summary>
public sealed partial class BrassRingCallerAuthenticator(ISecretStore secrets)
{
    public const string SecretPrefix = "BrassRing:CallerSecrets:";

    /// <summary>Usernames become secret names; Key Vault allows only letters, digits and hyphens there.</summary>
    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex UsernamePattern();

    /// <returns>The caller, or null when the header is absent, malformed, or the credentials do not match.</returns>
    public async Task<BrassRingCaller?> AuthenticateAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        if (!TryReadBasic(authorizationHeader, out var username, out var password)) return null;
        if (!UsernamePattern().IsMatch(username)) return null;

        var expected = await secrets.GetSecretAsync(SecretPrefix + username, cancellationToken).ConfigureAwait(false);

        // Hash even when the caller is unknown, so an unknown username costs the same as a wrong password.
        var givenHash = SHA256.HashData(Encoding.UTF8.GetBytes(password));
        var expectedHash = SHA256.HashData(Encoding.UTF8.GetBytes(expected ?? ""));
        var matches = CryptographicOperations.FixedTimeEquals(givenHash, expectedHash);
        return expected is { Length: > 0 } && matches ? new BrassRingCaller(username) : null;
    }

    private static bool TryReadBasic(string? header, out string username, out string password)
    {
        username = "";
        password = "";
        if (string.IsNullOrWhiteSpace(header)) return false;

        var trimmed = header.Trim();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0 || !trimmed[..space].Equals("Basic", StringComparison.OrdinalIgnoreCase)) return false;

        var encoded = trimmed[(space + 1)..].Trim();
        var bytes = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, bytes, out var length)) return false;

        string decoded;
        try
        {
            decoded = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes, 0, length);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) return false;
        username = decoded[..colon];
        password = decoded[(colon + 1)..];
        return true;
    }
}
