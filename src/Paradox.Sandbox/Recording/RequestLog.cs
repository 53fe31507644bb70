using System.Collections.Concurrent;

namespace Paradox.Sandbox.Recording;

/// <summary>One interview_alerts request as the sandbox received it.</summary>
public sealed record RecordedRequest(
    long Sequence,
    DateTimeOffset ReceivedAt,
    string? TrackingId,
    string? BearerToken,
    string Body,
    int Status);

/// <summary>Every interview_alerts request received, in order, for tests and demos to inspect.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private long _sequence;

    public RecordedRequest Add(DateTimeOffset at, string? trackingId, string? token, string body, int status)
    {
        var recorded = new RecordedRequest(Interlocked.Increment(ref _sequence), at, trackingId, token, body, status);
        _requests.Enqueue(recorded);
        return recorded;
    }

    public IReadOnlyList<RecordedRequest> All() => [.. _requests];

    public void Clear() => _requests.Clear();
}
