using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Validation;

namespace InterviewAlerts.Core.Tracking;

/// <summary>
/// The durable record of one request: its idempotency anchor at ingest, its delivery state and history, or why it was
/// refused at ingest. Holds no candidate personal data (the ex_id only as a hash, to be searched for).
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

    /// <summary>The BrassRing manifest that selected the mapping; null for native requests.</summary>
    public string? Manifest { get; init; }

    /// <summary>The BrassRing envelope's TransactId (the export's own reference); null for native requests.</summary>
    public string? TransactId { get; init; }

    /// <summary>The BrassRing candidate packet's PacketId; null for native requests.</summary>
    public string? PacketId { get; init; }

    /// <summary>Lower-case hex SHA-256 of the request's ex_id (see <see cref="ExIdHashes"/>); the ex_id itself is never stored.</summary>
    public string? ExIdHash { get; init; }

    /// <summary>The last <see cref="RequestHistory.MaxEntries"/> delivery attempts, oldest first, details redacted.</summary>
    public IReadOnlyList<AttemptEntry> History { get; init; } = [];

    /// <summary>Refused requests: the error codes of why (distinct, in order of the problems).</summary>
    public IReadOnlyList<string> ReasonCodes { get; init; } = [];

    /// <summary>Refused requests: the problems answered, messages without request values.</summary>
    public IReadOnlyList<FieldError> Problems { get; init; } = [];

    /// <summary>Refused requests: the status answered at ingest (HTTP status for JSON callers, the packet's Status for BrassRing).</summary>
    public int? AnsweredStatus { get; init; }

    /// <summary>When an operator discarded the request's dead letter; null otherwise.</summary>
    public DateTimeOffset? DiscardedAt { get; init; }

    /// <summary>RowKey of the idempotency key entity that names this record (deleted with it); null for records without one.</summary>
    public string? IdempotencyKeyRow { get; init; }

    /// <summary>Optimistic-concurrency tag of the stored version; null for a record not yet stored.</summary>
    public string? ETag { get; init; }
}
