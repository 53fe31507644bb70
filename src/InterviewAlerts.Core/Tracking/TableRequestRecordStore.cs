using Azure;
using Azure.Data.Tables;
using InterviewAlerts.Core.Ingest;

namespace InterviewAlerts.Core.Tracking;

/// <summary>Request records in Azure Table storage: one entity per tracking id (PartitionKey), RowKey "record".</summary>
public sealed class TableRequestRecordStore(TableClient table) : IRequestRecordStore
{
    private const string RowKey = "record";

    public async Task<(bool Created, RequestRecord Record)> TryCreateAsync(RequestRecord record, CancellationToken cancellationToken)
    {
        try
        {
            var response = await table.AddEntityAsync(ToEntity(record), cancellationToken).ConfigureAwait(false);
            return (true, record with { ETag = response.Headers.ETag?.ToString() });
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await GetAsync(record.TrackingId, cancellationToken).ConfigureAwait(false);
            // Deleted between our insert and read (purge): insert again.
            return existing is not null ? (false, existing) : await TryCreateAsync(record, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<RequestRecord?> GetAsync(string trackingId, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(trackingId, RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? FromEntity(response.Value!) : null;
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

    public async Task DeleteAsync(string trackingId, CancellationToken cancellationToken) =>
        await table.DeleteEntityAsync(trackingId, RowKey, ETag.All, cancellationToken).ConfigureAwait(false);

    public async Task<bool> TryDeleteAsync(RequestRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(record.TrackingId, RowKey, new ETag(record.ETag ?? "*"), cancellationToken).ConfigureAwait(false);
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

    private static TableEntity ToEntity(RequestRecord record) => new(record.TrackingId, RowKey)
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
    };

    private static RequestRecord FromEntity(TableEntity entity) => new()
    {
        TrackingId = entity.PartitionKey,
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
        ETag = entity.ETag.ToString(),
    };
}
