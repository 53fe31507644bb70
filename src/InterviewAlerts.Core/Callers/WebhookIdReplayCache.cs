using System.Collections.Concurrent;

namespace InterviewAlerts.Core.Callers;

/// <summary>
/// The webhook-ids each signing caller used recently, so a captured request cannot be sent again while its
/// timestamp is still fresh. In memory, per instance, bounded: an id is kept for twice the tolerance (a
/// timestamp may be up to 5 minutes ahead), and at most <see cref="Capacity"/> ids are held.
/// </summary>
public sealed class WebhookIdReplayCache(TimeProvider time)
{
    public const int Capacity = 100_000;

    private static readonly TimeSpan Retention = StandardWebhookSignature.Tolerance * 2;

    private readonly ConcurrentDictionary<(string Caller, string Id), DateTimeOffset> _seen = new();

    /// <summary>Records the id; false when the caller used it within the retention, or the cache is full.</summary>
    public bool TryRecord(string caller, string id, out bool full)
    {
        full = false;
        var now = time.GetUtcNow();
        if (_seen.Count >= Capacity) RemoveExpired(now);
        if (_seen.Count >= Capacity)
        {
            full = true;
            return false;
        }

        var key = (caller.ToUpperInvariant(), id);
        if (_seen.TryAdd(key, now + Retention)) return true;
        if (_seen.TryGetValue(key, out var expires) && expires <= now && _seen.TryUpdate(key, now + Retention, expires)) return true;
        return false;
    }

    private void RemoveExpired(DateTimeOffset now)
    {
        foreach (var (key, expires) in _seen)
        {
            if (expires <= now) _seen.TryRemove(new KeyValuePair<(string, string), DateTimeOffset>(key, expires));
        }
    }
}
