using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Paradox.Sandbox.Tokens;

/// <summary>Issues opaque bearer tokens that expire, and can expire them all on demand (fault injection).</summary>
public sealed class TokenIssuer(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<DateTimeOffset> _requests = new();
    private int _issued;

    public int IssuedCount => Volatile.Read(ref _issued);

    /// <summary>When each token request arrived, whether it was granted or refused (to count credential storms).</summary>
    public IReadOnlyList<DateTimeOffset> Requests => [.. _requests];

    public void NoteRequest() => _requests.Enqueue(time.GetUtcNow());

    public string Issue(TimeSpan lifetime)
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        _expiries[token] = time.GetUtcNow() + lifetime;
        Interlocked.Increment(ref _issued);
        return token;
    }

    public bool IsValid(string? token) =>
        token is not null && _expiries.TryGetValue(token, out var expiry) && expiry > time.GetUtcNow();

    public void ExpireAll()
    {
        foreach (var token in _expiries.Keys) _expiries[token] = DateTimeOffset.MinValue;
    }
}
