using Azure;
using Azure.Data.Tables;
using InterviewAlerts.Core.Ingest;

namespace InterviewAlerts.Core.Tracking;

/// <summary>
/// Request records in Azure Table storage: one partition per caller (PartitionKey = caller name), one entity per
/// tracking id (RowKey), so a caller's reads never reach another caller's requests.
/// </summary>
public sealed class TableRequestRecordStore(TableClient table) : IRequestRecordStore
{
    public async Task<(bool Created, RequestRecord Record)> TryCreateAsync(RequestRecord record, CancellationToken cancellationToken)
    {
        try
        {
            var response = await table.AddEntityAsync(ToEntity(record), cancellationToken).ConfigureAwait(false);
            return (true, record with { ETag = response.Headers.ETag?.ToString() });
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await GetAsync(record.Caller, record.TrackingId, cancellationToken).ConfigureAwait(false);
            // Deleted between our insert and read (purge): insert again.
            return existing is not null ? (false, existing) : await TryCreateAsync(record, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<RequestRecord?> GetAsync(string caller, string trackingId, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(caller, trackingId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    public async Task<RequestRecord?> FindAsync(string trackingId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey eq {trackingId}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 1, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            return FromEntity(entity);
        }

        return null;
    }

    public async Task<bool> TryUpdateAsync(RequestRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await table.UpdateEntityAsync(ToEntity(record), new ETag(record.ETag ?? "*"), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    public Task UpsertAsync(RequestRecord record, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(ToEntity(record), TableUpdateMode.Replace, cancellationToken);

    public async Task DeleteAsync(string caller, string trackingId, CancellationToken cancellationToken) =>
        await table.DeleteEntityAsync(caller, trackingId, ETag.All, cancellationToken).ConfigureAwait(false);

    public async Task<bool> TryDeleteAsync(RequestRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(record.Caller, record.TrackingId, new ETag(record.ETag ?? "*"), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    public async Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var purged = 0;
        var filter = TableClient.CreateQueryFilter<TableEntity>(e => e.Timestamp < cutoff);
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!FromEntity(entity).State.IsTerminal()) continue;
            await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, entity.ETag, cancellationToken).ConfigureAwait(false);
            purged++;
        }

        return purged;
    }

    private static TableEntity ToEntity(RequestRecord record) => new(record.Caller, record.TrackingId)
    {
        ["Source"] = record.Source.ToString(),
        ["State"] = record.State.ToString(),
        ["ReceivedAt"] = record.ReceivedAt,
        ["UpdatedAt"] = record.UpdatedAt,
        ["Attempts"] = record.Attempts,
        ["LeaseUntil"] = record.LeaseUntil,
        ["DeliveredAt"] = record.DeliveredAt,
        ["LastError"] = record.LastError,
        ["LastHttpStatus"] = record.LastHttpStatus,
        ["Replays"] = record.Replays,
        ["DeadLetteredAt"] = record.DeadLetteredAt,
    };

    private static RequestRecord FromEntity(TableEntity entity) => new()
    {
        TrackingId = entity.RowKey,
        Caller = entity.PartitionKey,
        Source = Enum.TryParse<RequestShape>(entity.GetString("Source"), out var source) ? source : RequestShape.Native,
        State = Enum.TryParse<RequestState>(entity.GetString("State"), out var state) ? state : RequestState.Received,
        ReceivedAt = entity.GetDateTimeOffset("ReceivedAt") ?? entity.Timestamp ?? DateTimeOffset.MinValue,
        UpdatedAt = entity.GetDateTimeOffset("UpdatedAt") ?? entity.Timestamp ?? DateTimeOffset.MinValue,
        Attempts = entity.GetInt32("Attempts") ?? 0,
        LeaseUntil = entity.GetDateTimeOffset("LeaseUntil"),
        DeliveredAt = entity.GetDateTimeOffset("DeliveredAt"),
        LastError = entity.GetString("LastError"),
        LastHttpStatus = entity.GetInt32("LastHttpStatus"),
        Replays = entity.GetInt32("Replays") ?? 0,
        DeadLetteredAt = entity.GetDateTimeOffset("DeadLetteredAt"),
        ETag = entity.ETag.ToString(),
    };
}
