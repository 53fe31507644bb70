namespace InterviewAlerts.Core.Operations;

/// <summary>Held dead letters by reason, largest group first; <see cref="Truncated"/>: more were held than were read.</summary>
public sealed record DeadLetterOverview(IReadOnlyList<DeadLetterGroup> Groups, bool Truncated);
