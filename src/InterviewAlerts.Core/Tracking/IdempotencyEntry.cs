namespace InterviewAlerts.Core.Tracking;

/// <summary>
/// The idempotency key entity: stored in the caller's partition beside the records, it names the request that
/// first used the key and the fingerprint of that request's body.
/// </summary>
public sealed record IdempotencyEntry(string Caller, IdempotencyKey Key, string TrackingId, string BodyFingerprint);
