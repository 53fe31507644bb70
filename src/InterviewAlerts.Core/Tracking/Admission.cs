namespace InterviewAlerts.Core.Tracking;

/// <summary>
/// The answer of <see cref="IRequestRecordStore.TryAdmitAsync"/>: either the key and record were created now, or the
/// key already existed and these are the entry and record of the request that used it first.
/// </summary>
public sealed record Admission(bool Created, IdempotencyEntry Entry, RequestRecord Record);
