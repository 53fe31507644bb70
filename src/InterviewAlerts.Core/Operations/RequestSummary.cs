using InterviewAlerts.Core.Delivery;
using InterviewAlerts.Core.Tracking;

namespace InterviewAlerts.Core.Operations;

/// <summary>One request as the operator API lists it. No candidate personal data.</summary>
public record RequestSummary
{
    public required string TrackingId { get; init; }
    public required string Caller { get; init; }

    /// <summary>"native" or "brassring".</summary>
    public required string Shape { get; init; }
    public string? Manifest { get; init; }
    public string? TransactId { get; init; }
    public string? PacketId { get; init; }

    /// <summary>The state in lower case (received, sending, …, refused, discarded).</summary>
    public required string State { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public int Attempts { get; init; }
    public int? LastHttpStatus { get; init; }

    /// <summary>The dead-letter reason code of a rejected, expired, poisoned (or discarded) request; null otherwise.</summary>
    public string? ReasonCode { get; init; }

    /// <summary>The refusal codes of a refused request; empty otherwise.</summary>
    public IReadOnlyList<string> ReasonCodes { get; init; } = [];

    public static RequestSummary Of(RequestRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new RequestSummary
        {
            TrackingId = record.TrackingId,
            Caller = record.Caller,
            Shape = ShapeName(record),
            Manifest = record.Manifest,
            TransactId = record.TransactId,
            PacketId = record.PacketId,
            State = StateName(record),
            ReceivedAt = record.ReceivedAt,
            UpdatedAt = record.UpdatedAt,
            Attempts = record.Attempts,
            LastHttpStatus = record.LastHttpStatus,
            ReasonCode = ReasonCodeOf(record),
            ReasonCodes = record.ReasonCodes,
        };
    }

    internal static string ShapeName(RequestRecord record) => record.Source.ToString().ToLowerInvariant();

    internal static string StateName(RequestRecord record) => record.State.ToString().ToLowerInvariant();

    internal static string? ReasonCodeOf(RequestRecord record) =>
        record.State.IsDeadLettered() ? DeadLetterReasons.Of(record) : record.State == RequestState.Discarded ? record.DeadLetterReason : null;
}
