namespace InterviewAlerts.Core.Operations;

/// <summary>Held dead letters of one reason: how many, the oldest and newest dead-letter time, the newest items.</summary>
public sealed record DeadLetterGroup(string ReasonCode, int Count, DateTimeOffset Oldest, DateTimeOffset Newest, IReadOnlyList<RequestSummary> Items)
{
    public const int MaxItems = 100;
}
