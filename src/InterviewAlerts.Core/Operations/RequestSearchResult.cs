namespace InterviewAlerts.Core.Operations;

/// <summary>Requests found, newest first; <see cref="Truncated"/>: more matched than were read or returned, narrow the search.</summary>
public sealed record RequestSearchResult(IReadOnlyList<RequestSummary> Items, bool Truncated);
