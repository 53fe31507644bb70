using System.Security.Cryptography;
using System.Text;

namespace InterviewAlerts.Core.Tracking;

/// <summary>An ex_id is searchable but never stored: records keep the lower-case hex SHA-256 of its UTF-8 bytes.</summary>
public static class ExIdHashes
{
    /// <summary>The hash of <paramref name="exId"/> as given (no trimming or case folding), or null for none.</summary>
    public static string? Of(string? exId) =>
        string.IsNullOrEmpty(exId) ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(exId)));
}
