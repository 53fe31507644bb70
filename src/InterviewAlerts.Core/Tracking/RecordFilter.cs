namespace InterviewAlerts.Core.Tracking;

/// <summary>Which records a query reads; every set condition must hold (AND). Idempotency key entities never match.</summary>
public sealed record RecordFilter
{
    /// <summary>Only this caller's partition.</summary>
    public string? Caller { get; init; }
    public string? TrackingId { get; init; }
    public string? TransactId { get; init; }
    public string? ExIdHash { get; init; }

    /// <summary>Any of these states (none: every state).</summary>
    public IReadOnlyList<RequestState> States { get; init; } = [];

    /// <summary>Inclusive bounds of <see cref="RequestRecord.ReceivedAt"/>.</summary>
    public DateTimeOffset? ReceivedFrom { get; init; }
    public DateTimeOffset? ReceivedTo { get; init; }

    /// <summary>Only records whose dead letter is held: dead-lettered states with <see cref="RequestRecord.DeadLetteredAt"/> set.</summary>
    public bool DeadLetterHeld { get; init; }
    public string? DeadLetterReason { get; init; }
}
