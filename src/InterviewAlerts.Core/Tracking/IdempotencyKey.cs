using System.Security.Cryptography;
using System.Text;

namespace InterviewAlerts.Core.Tracking;

/// <summary>
/// The key under which retransmissions of one request meet: the table RowKey of its idempotency entity,
/// "key-" + SHA-256 (hex) of the scoped parts. Each part is length-prefixed so that no two different tuples
/// ("ab"+"c" versus "a"+"bc") hash the same input.
/// </summary>
public sealed record IdempotencyKey
{
    public const string RowKeyPrefix = "key-";

    private IdempotencyKey(string rowKey) => RowKey = rowKey;

    public string RowKey { get; }

    /// <param name="parts">The scope first (kind, caller), then what identifies the request within it.</param>
    public static IdempotencyKey Of(params IReadOnlyList<string> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        using var input = new MemoryStream(256);
        Span<byte> length = stackalloc byte[sizeof(int)];
        foreach (var part in parts)
        {
            var bytes = Encoding.UTF8.GetBytes(part);
            BitConverter.TryWriteBytes(length, bytes.Length);
            input.Write(length);
            input.Write(bytes);
        }

        return new IdempotencyKey(RowKeyPrefix + Convert.ToHexStringLower(SHA256.HashData(input.GetBuffer().AsSpan(0, (int)input.Length))));
    }

    /// <summary>A JSON caller's Idempotency-Key header.</summary>
    public static IdempotencyKey FromHeader(string caller, string headerValue) => Of("header", caller, headerValue);

    /// <summary>A JSON caller without Idempotency-Key: an identical body from the same caller is the same request.</summary>
    public static IdempotencyKey FromBody(string caller, string bodyFingerprint) => Of("body", caller, bodyFingerprint);

    public static bool IsKeyRow(string rowKey) => rowKey.StartsWith(RowKeyPrefix, StringComparison.Ordinal);

    public override string ToString() => RowKey;
}
