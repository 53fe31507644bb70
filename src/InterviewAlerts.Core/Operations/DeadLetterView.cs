namespace InterviewAlerts.Core.Operations;

/// <summary>A held dead letter as the operator API shows it.</summary>
/// <param name="Reason">Why the request ended, redacted of every request value (as the record keeps it).</param>
/// <param name="Replayable">Its blob holds the message, so a replay can send it.</param>
public sealed record DeadLetterView(string ReasonCode, string Reason, DateTimeOffset DeadLetteredAt, bool Replayable);
