using InterviewAlerts.Core.Ingest;

namespace InterviewAlerts.Core.Tracking;

/// <summary>
/// The durable record of one accepted request: its idempotency anchor at ingest and its delivery state.
/// Holds no candidate personal data.
/// </summary>
public sealed record RequestRecord
{
    public required string TrackingId { get; init; }

    /// <summary>The name of the caller that sent the request; records are stored and read per caller.</summary>
    public required string Caller { get; init; }
    public required RequestShape Source { get; init; }
    public required RequestState State { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public int Attempts { get; init; }
    public DateTimeOffset? LeaseUntil { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }
    public string? LastError { get; init; }
    public int? LastHttpStatus { get; init; }

    /// <summary>Why a rejected, expired or poisoned request ended, as a code of <c>DeadLetterReasons</c>; null otherwise.</summary>
    public string? DeadLetterReason { get; init; }
    public int Replays { get; init; }

    /// <summary>When the dead letter of a rejected, expired or poisoned request was written; null until then.</summary>
    public DateTimeOffset? DeadLetteredAt { get; init; }

    /// <summary>RowKey of the idempotency key entity that names this record (deleted with it); null for records without one.</summary>
    public string? IdempotencyKeyRow { get; init; }

    /// <summary>Optimistic-concurrency tag of the stored version; null for a record not yet stored.</summary>
    public string? ETag { get; init; }
}
