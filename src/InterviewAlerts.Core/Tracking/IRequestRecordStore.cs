namespace InterviewAlerts.Core.Tracking;

/// <summary>Durable request records (Azure Table storage in production, Azurite locally).</summary>
public interface IRequestRecordStore
{
    /// <summary>
    /// Inserts the idempotency key entity and the record together (one entity-group transaction), unless the key
    /// exists: then returns the existing entry and the record it names. <paramref name="record"/> must be in the
    /// entry's caller partition and carry the entry's tracking id.
    /// </summary>
    Task<Admission> TryAdmitAsync(IdempotencyEntry entry, RequestRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the record and its idempotency key entity together if the record still has <see cref="RequestRecord.ETag"/>;
    /// false when the record changed or is gone (nothing is deleted then).
    /// </summary>
    Task<bool> TryWithdrawAsync(RequestRecord record, CancellationToken cancellationToken);

    /// <summary>The record of <paramref name="caller"/>'s request; null when it has none with that tracking id.</summary>
    Task<RequestRecord?> GetAsync(string caller, string trackingId, CancellationToken cancellationToken);

    /// <summary>The record with this tracking id, whichever caller sent it (operators; a query across partitions).</summary>
    Task<RequestRecord?> FindAsync(string trackingId, CancellationToken cancellationToken);

    /// <summary>
    /// Records matching <paramref name="filter"/>, reading at most <paramref name="maxRows"/> of them (in storage order,
    /// not by time); <see cref="RecordPage.Truncated"/> says more matched.
    /// </summary>
    Task<RecordPage> QueryAsync(RecordFilter filter, int maxRows, CancellationToken cancellationToken);

    /// <summary>Replaces the record if it still has <see cref="RequestRecord.ETag"/>; false when someone else changed it first.</summary>
    Task<bool> TryUpdateAsync(RequestRecord record, CancellationToken cancellationToken);

    /// <summary>Writes the record whatever its stored version (used for terminal states, which must not be lost).</summary>
    Task UpsertAsync(RequestRecord record, CancellationToken cancellationToken);

    Task DeleteAsync(string caller, string trackingId, CancellationToken cancellationToken);

    /// <summary>Deletes terminal records last updated before <paramref name="cutoff"/>, with their idempotency key entities; returns how many records.</summary>
    Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
