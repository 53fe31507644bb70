using InterviewAlerts.Core.Tracking;
using InterviewAlerts.Core.Validation;

namespace InterviewAlerts.Core.Operations;

/// <summary>One request's whole story for an operator: the summary, its attempts, its refusal or its dead letter.</summary>
public sealed record RequestDetail : RequestSummary
{
    public int Replays { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }
    public DateTimeOffset? DeadLetteredAt { get; init; }
    public DateTimeOffset? DiscardedAt { get; init; }

    /// <summary>Refused requests: the status answered at ingest.</summary>
    public int? AnsweredStatus { get; init; }
    public IReadOnlyList<FieldError> Problems { get; init; } = [];

    /// <summary>The last attempts, oldest first, Paradox's answers redacted of every request value.</summary>
    public IReadOnlyList<AttemptEntry> History { get; init; } = [];

    /// <summary>The held dead letter; null when none is held.</summary>
    public DeadLetterView? DeadLetter { get; init; }
}
