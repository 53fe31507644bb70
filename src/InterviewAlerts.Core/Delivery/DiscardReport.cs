namespace InterviewAlerts.Core.Delivery;

/// <summary>What a discard did, by tracking id.</summary>
/// <param name="Discarded">State discarded, dead letter deleted; the record stays until the retention.</param>
/// <param name="NotFound">No dead letter held for it.</param>
public sealed record DiscardReport(IReadOnlyList<string> Discarded, IReadOnlyList<string> NotFound);
