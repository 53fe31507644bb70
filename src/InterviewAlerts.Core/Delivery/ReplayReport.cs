namespace InterviewAlerts.Core.Delivery;

/// <summary>What a replay did, by tracking id.</summary>
/// <param name="Replayed">Back on the delivery queue with a fresh retry window.</param>
/// <param name="AlreadyDelivered">Delivered meanwhile: not sent again.</param>
/// <param name="NotFound">No dead letter held for it (unknown, still in flight, refused, discarded or already replayed).</param>
public sealed record ReplayReport(IReadOnlyList<string> Replayed, IReadOnlyList<string> AlreadyDelivered, IReadOnlyList<string> NotFound);
