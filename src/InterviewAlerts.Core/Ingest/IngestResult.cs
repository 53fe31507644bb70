namespace InterviewAlerts.Core.Ingest;

public enum IngestStatus
{
    /// <summary>Queued now; the caller gets the tracking id.</summary>
    Accepted,

    /// <summary>A retransmission of a request accepted before: same tracking id, nothing queued again.</summary>
    Duplicate,

    /// <summary>A BrassRing caller whose Basic credentials were not accepted: nothing queued.</summary>
    Unauthorized,

    /// <summary>The body cannot be read or breaks Paradox's rules: nothing queued.</summary>
    Invalid,

    /// <summary>Storage could not take the request: nothing acknowledged, the caller should retry.</summary>
    Unavailable,
}

public sealed record IngestResult(IngestStatus Status, Interpretation Interpretation, string? TrackingId = null)
{
    public bool Acknowledged => Status is IngestStatus.Accepted or IngestStatus.Duplicate;
}
