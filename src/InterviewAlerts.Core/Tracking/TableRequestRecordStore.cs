using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Validation;

namespace InterviewAlerts.Core.Tracking;

/// <summary>
/// Request records in Azure Table storage: one partition per caller (PartitionKey = caller name), one entity per
/// tracking id (RowKey), so a caller's reads never reach another caller's requests. Beside them, in the same
/// partition, one idempotency key entity per key (RowKey "key-…") names the request that used the key first; the
/// two are created and withdrawn together in entity-group transactions.
/// </summary>
public sealed class TableRequestRecordStore(TableClient table) : IRequestRecordStore
{
    private const string TrackingIdProperty = "TrackingId";
    private const string FingerprintProperty = "BodyFingerprint";
    private const string KeyRowProperty = "IdempotencyKeyRow";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>How often a key found without its record (being purged) is cleared and the insert tried again.</summary>
    private const int AdmitRounds = 3;

    public async Task<Admission> TryAdmitAsync(IdempotencyEntry entry, RequestRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(record);
        if (record.Caller != entry.Caller || record.TrackingId != entry.TrackingId)
            throw new ArgumentException("The record must belong to the entry's caller and tracking id.", nameof(record));
        record = record with { IdempotencyKeyRow = entry.Key.RowKey };

        for (var round = 0; round < AdmitRounds; round++)
        {
            try
            {
                var response = await table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Add, ToEntity(entry)),
                    new TableTransactionAction(TableTransactionActionType.Add, ToEntity(record)),
                ], cancellationToken).ConfigureAwait(false);
                return new Admission(true, entry, record with { ETag = response.Value[1].Headers.ETag?.ToString() });
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Tracking ids are random, so the entity that exists is the key.
                var stored = await table.GetEntityIfExistsAsync<TableEntity>(entry.Caller, entry.Key.RowKey, cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
                if (!stored.HasValue) continue; // withdrawn or purged meanwhile: the key is free again
                var existing = ToEntry(stored.Value!, entry.Key);
                if (await GetAsync(entry.Caller, existing.TrackingId, cancellationToken).ConfigureAwait(false) is { } existingRecord)
                {
                    // Our own transaction: it committed, but its answer was lost and the client's retry found it.
                    return new Admission(existing.TrackingId == entry.TrackingId, existing, existingRecord);
                }

                // A key whose record is gone (purge deletes the record first): clear it unless it changed, then insert.
                await DeleteIfUnchangedAsync(entry.Caller, entry.Key.RowKey, stored.Value!.ETag, cancellationToken).ConfigureAwait(false);
            }
        }

        throw new InvalidOperationException("The idempotency key kept changing while the request was being admitted.");
    }

    public async Task<bool> TryWithdrawAsync(RequestRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var deletes = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Delete, new TableEntity(record.Caller, record.TrackingId), new ETag(record.ETag ?? "*")),
        };
        // The key entity is never updated; the record's version decides whether this withdrawal still holds.
        if (record.IdempotencyKeyRow is { } keyRow)
            deletes.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(record.Caller, keyRow), ETag.All));
        try
        {
            await table.SubmitTransactionAsync(deletes, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
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

    public async Task<RecordPage> QueryAsync(RecordFilter filter, int maxRows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var records = new List<RequestRecord>();
        await foreach (var entity in table.QueryAsync<TableEntity>(TableRecordFilter.ToOData(filter), maxPerPage: Math.Clamp(maxRows + 1, 1, 1000),
            cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (IdempotencyKey.IsKeyRow(entity.RowKey)) continue;
            if (records.Count == maxRows) return new RecordPage(records, Truncated: true);
            records.Add(FromEntity(entity));
        }

        return new RecordPage(records, Truncated: false);
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

    public async Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var purged = 0;
        var filter = TableClient.CreateQueryFilter<TableEntity>(e => e.Timestamp < cutoff);
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (IdempotencyKey.IsKeyRow(entity.RowKey)) continue; // deleted with its record
            var record = FromEntity(entity);
            if (!record.State.IsTerminal()) continue;

            // The record first: a key left without its record (a crash in between) is cleared by the next admission.
            if (!await DeleteIfUnchangedAsync(entity.PartitionKey, entity.RowKey, entity.ETag, cancellationToken).ConfigureAwait(false)) continue;
            if (record.IdempotencyKeyRow is { } keyRow)
                await DeleteIfUnchangedAsync(entity.PartitionKey, keyRow, ETag.All, cancellationToken).ConfigureAwait(false);
            purged++;
        }

        return purged;
    }

    private async Task<bool> DeleteIfUnchangedAsync(string partition, string row, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(partition, row, etag, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    private static TableEntity ToEntity(IdempotencyEntry entry) => new(entry.Caller, entry.Key.RowKey)
    {
        [TrackingIdProperty] = entry.TrackingId,
        [FingerprintProperty] = entry.BodyFingerprint,
    };

    private static IdempotencyEntry ToEntry(TableEntity entity, IdempotencyKey key) =>
        new(entity.PartitionKey, key, entity.GetString(TrackingIdProperty) ?? "", entity.GetString(FingerprintProperty) ?? "");

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
        ["DeadLetterReason"] = record.DeadLetterReason,
        [KeyRowProperty] = record.IdempotencyKeyRow,
        ["Manifest"] = record.Manifest,
        ["TransactId"] = record.TransactId,
        ["PacketId"] = record.PacketId,
        ["ExIdHash"] = record.ExIdHash,
        ["History"] = record.History.Count == 0 ? null : JsonSerializer.Serialize(record.History, Json),
        ["ReasonCodes"] = record.ReasonCodes.Count == 0 ? null : string.Join(',', record.ReasonCodes),
        ["Problems"] = record.Problems.Count == 0 ? null : JsonSerializer.Serialize(record.Problems, Json),
        ["AnsweredStatus"] = record.AnsweredStatus,
        ["DiscardedAt"] = record.DiscardedAt,
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
        DeadLetterReason = entity.GetString("DeadLetterReason"),
        IdempotencyKeyRow = entity.GetString(KeyRowProperty),
        Manifest = entity.GetString("Manifest"),
        TransactId = entity.GetString("TransactId"),
        PacketId = entity.GetString("PacketId"),
        ExIdHash = entity.GetString("ExIdHash"),
        History = entity.GetString("History") is { Length: > 0 } history ? JsonSerializer.Deserialize<List<AttemptEntry>>(history, Json) ?? [] : [],
        ReasonCodes = entity.GetString("ReasonCodes") is { Length: > 0 } codes ? codes.Split(',') : [],
        Problems = entity.GetString("Problems") is { Length: > 0 } problems ? JsonSerializer.Deserialize<List<FieldError>>(problems, Json) ?? [] : [],
        AnsweredStatus = entity.GetInt32("AnsweredStatus"),
        DiscardedAt = entity.GetDateTimeOffset("DiscardedAt"),
        ETag = entity.ETag.ToString(),
    };
}
