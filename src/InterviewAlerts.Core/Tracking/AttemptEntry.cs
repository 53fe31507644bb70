namespace InterviewAlerts.Core.Tracking;

/// <summary>One delivery attempt as the record keeps it: Paradox's status and its answer, redacted of every request value.</summary>
public sealed record AttemptEntry(int Attempt, DateTimeOffset At, string Outcome, int? HttpStatus, string Detail);
