namespace InterviewAlerts.Core.Storage;

/// <summary>A dead letter's blob: the request it belongs to, or none for an unreadable message.</summary>
public sealed record DeadLetterBlob(string Name, string? Caller, string? TrackingId);
