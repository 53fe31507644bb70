namespace InterviewAlerts.Core.Ingest;

public enum IngestStatus
{
    /// <summary>Queued now; the caller gets the tracking id.</summary>
    Accepted,

    /// <summary>A retransmission of a request accepted before (same key, same body): same tracking id, nothing queued again.</summary>
    Duplicate,

    /// <summary>The key was used before for a different body: refused, nothing queued; the tracking id is the first request's.</summary>
    Conflict,

    /// <summary>A BrassRing caller whose Basic credentials were not accepted: nothing queued.</summary>
    Unauthorized,

    /// <summary>The body cannot be read or breaks Paradox's rules: nothing queued.</summary>
    Invalid,

    /// <summary>Storage could not take the request: nothing acknowledged, the caller should retry.</summary>
    Unavailable,
}

/// <summary>
/// What ingest did with a call. For a BrassRing envelope, <see cref="Packets"/> holds each candidate packet's own
/// outcome and <see cref="Status"/> sums them up (see <see cref="IngestResults.Combine"/>).
/// </summary>
/// <param name="TrackingId">The request's id; for <see cref="IngestStatus.Conflict"/> the id of the request that used the key first.</param>
public sealed record IngestResult(IngestStatus Status, Interpretation Interpretation, string? TrackingId = null)
{
    public IReadOnlyList<PacketResult> Packets { get; init; } = [];

    public bool Acknowledged => Status is IngestStatus.Accepted or IngestStatus.Duplicate;
}
