namespace InterviewAlerts.Core.Tracking;

/// <summary>The records a query read, and whether it stopped at its row limit before reading every match.</summary>
public sealed record RecordPage(IReadOnlyList<RequestRecord> Records, bool Truncated);
