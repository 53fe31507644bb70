namespace InterviewAlerts.Core.Delivery;

/// <summary>A delivery queue message that is not a readable request; it ends in the poison queue and is dead-lettered there.</summary>
public sealed class UnreadableMessageException(string problem) : Exception(problem);
