using System.Text.Json.Serialization;
using InterviewAlerts.Core.Tracking;
using InterviewAlerts.Core.Validation;

namespace InterviewAlerts.Core.Operations;

/// <summary>One request's whole story for an operator: the summary (written first), its attempts, its refusal or its dead letter.</summary>
public sealed record RequestDetail : RequestSummary
{
    [JsonPropertyOrder(1)] public int Replays { get; init; }
    [JsonPropertyOrder(1)] public DateTimeOffset? DeliveredAt { get; init; }
    [JsonPropertyOrder(1)] public DateTimeOffset? DeadLetteredAt { get; init; }
    [JsonPropertyOrder(1)] public DateTimeOffset? DiscardedAt { get; init; }

    /// <summary>Refused requests: the status answered at ingest.</summary>
    [JsonPropertyOrder(1)] public int? AnsweredStatus { get; init; }
    [JsonPropertyOrder(1)] public IReadOnlyList<FieldError> Problems { get; init; } = [];

    /// <summary>The last attempts, oldest first, Paradox's answers redacted of every request value.</summary>
    [JsonPropertyOrder(1)] public IReadOnlyList<AttemptEntry> History { get; init; } = [];

    /// <summary>The held dead letter; null when none is held.</summary>
    [JsonPropertyOrder(1)] public DeadLetterView? DeadLetter { get; init; }
}
