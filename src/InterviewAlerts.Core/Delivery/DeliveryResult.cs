namespace InterviewAlerts.Core.Delivery;

/// <summary>What one run of the delivery function did with its message.</summary>
public enum DeliveryResult
{
    Delivered,
    Retrying,
    Rejected,
    Expired,

    /// <summary>The request already reached a terminal state (a redelivered or stale copy): nothing sent.</summary>
    Duplicate,

    /// <summary>Another attempt holds the request right now; a copy was re-scheduled for after its lease.</summary>
    Deferred,

    /// <summary>The request had already ended but its dead letter was missing: this copy wrote it. Nothing sent.</summary>
    DeadLetterCompleted,

    /// <summary>The message has no request record: ingest answered 503 for it (its queue write failed, yet arrived). Nothing sent.</summary>
    NotAccepted,
}
