using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using InterviewAlerts.Core.Delivery;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Storage;
using InterviewAlerts.Core.Tracking;
using InterviewAlerts.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace InterviewAlerts.IntegrationTests.Delivery;

/// <summary>
/// Retention over a real Azurite: once Delivery:Retention has passed (a fake clock moves the purge forward), nothing
/// of an ended request is left (record, body blob, dead letter blob), unreadable messages' dead letters go too, and
/// requests still in flight keep everything.
/// </summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(30);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private AzuriteProcess _azurite = null!;
    private TableRequestRecordStore _records = null!;
    private BlobContainerClient _container = null!;
    private BlobContainerClient _deadLetterContainer = null!;
    private BlobPayloadStore _payloads = null!;
    private BlobDeadLetterStore _deadLetters = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartNewAsync();
        var table = new TableClient(_azurite.ConnectionString, StorageNames.RecordsTable);
        await table.CreateIfNotExistsAsync();
        _records = new TableRequestRecordStore(table);
        _container = new BlobContainerClient(_azurite.ConnectionString, StorageNames.PayloadContainer);
        await _container.CreateIfNotExistsAsync();
        _payloads = new BlobPayloadStore(_container);
        _deadLetterContainer = new BlobContainerClient(_azurite.ConnectionString, StorageNames.DeadLetterContainer);
        await _deadLetterContainer.CreateIfNotExistsAsync();
        _deadLetters = new BlobDeadLetterStore(_deadLetterContainer);
    }

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task After_the_retention_the_record_and_blobs_of_an_ended_request_are_deleted_with_its_dead_letter()
    {
        var ended = await RequestAsync(RequestState.Received);
        var inFlight = await RequestAsync(RequestState.Retrying);
        var writer = new DeadLetterWriter(_deadLetters, _records, _time, NullLogger<DeadLetterWriter>.Instance);
        var rejected = ended.Record with { State = RequestState.Rejected, LastError = "Paradox declined the request: " + new string('x', 30_000) };
        await _records.UpsertAsync(rejected, CancellationToken.None);
        await writer.WriteAsync(ended.Message, rejected, rejected.LastError!, CancellationToken.None);
        var unreadable = await _deadLetters.WriteUnreadableAsync(new DeadLetter
        {
            TrackingId = "unknown",
            State = RequestState.Poisoned,
            Reason = "Poisoned and unreadable.",
            DeadLetteredAt = _time.GetUtcNow(),
            RawMessage = "not json",
        }, CancellationToken.None);

        Assert.Equal(new[] { ended.Id + ".json", inFlight.Id + ".json" }.Order(StringComparer.Ordinal), (await BlobNamesAsync(_container)).Order(StringComparer.Ordinal));
        Assert.Equal(new[] { $"retention-test/{ended.Id}.json", unreadable }.Order(StringComparer.Ordinal), (await BlobNamesAsync(_deadLetterContainer)).Order(StringComparer.Ordinal));
        Assert.Matches(@"^unreadable/\d{14}-[0-9a-f]{32}\.json$", unreadable);
        Assert.Equal(rejected.LastError, (await _deadLetters.ReadAsync("retention-test", ended.Id, CancellationToken.None))!.Reason);

        var purger = new RetentionPurger(_records, _payloads, _deadLetters, Options.Create(new DeliveryOptions { Retention = Retention }), _time,
            NullLogger<RetentionPurger>.Instance);
        var early = await purger.PurgeAsync(CancellationToken.None);
        Assert.Equal(new PurgeReport(0, 0), early);

        _time.Advance(Retention + TimeSpan.FromHours(1));
        var report = await purger.PurgeAsync(CancellationToken.None);

        Assert.Equal(new PurgeReport(1, 3), report);
        Assert.Null(await _records.GetAsync(ended.Record.Caller, ended.Id, CancellationToken.None));
        Assert.NotNull(await _records.GetAsync(inFlight.Record.Caller, inFlight.Id, CancellationToken.None));
        Assert.Equal([inFlight.Id + ".json"], await BlobNamesAsync(_container));
        Assert.Empty(await BlobNamesAsync(_deadLetterContainer));
    }

    [Fact]
    public async Task A_dead_letter_whose_request_still_has_its_record_stays_past_the_retention()
    {
        // A replay that stopped before removing the dead letter: the record is back in flight and is not purged.
        var request = await RequestAsync(RequestState.Received);
        await _deadLetters.WriteAsync(request.Record.Caller, new DeadLetter
        {
            TrackingId = request.Id,
            State = RequestState.Expired,
            Reason = "Expired: still failing.",
            DeadLetteredAt = _time.GetUtcNow(),
            Message = request.Message,
        }, CancellationToken.None);
        _time.Advance(Retention + TimeSpan.FromHours(1));
        var purger = new RetentionPurger(_records, _payloads, _deadLetters, Options.Create(new DeliveryOptions { Retention = Retention }), _time,
            NullLogger<RetentionPurger>.Instance);
        await purger.PurgeAsync(CancellationToken.None);

        Assert.True(await _deadLetters.ExistsAsync(request.Record.Caller, request.Id, CancellationToken.None));
    }

    private async Task<(string Id, RequestRecord Record, DeliveryMessage Message)> RequestAsync(RequestState state)
    {
        var id = TrackingIds.New();
        var blob = await _payloads.SaveAsync(id, BinaryData.FromBytes(Encoding.UTF8.GetBytes("""{"ex_id":"C-1"}""")), CancellationToken.None);
        var record = new RequestRecord
        {
            TrackingId = id,
            Caller = "retention-test",
            Source = RequestShape.Native,
            State = state,
            ReceivedAt = _time.GetUtcNow(),
            UpdatedAt = _time.GetUtcNow(),
            Attempts = 1,
        };
        await _records.UpsertAsync(record, CancellationToken.None);
        var message = new DeliveryMessage { TrackingId = id, Caller = record.Caller, Source = RequestShape.Native, ReceivedAt = record.ReceivedAt, BodyBlob = blob };
        return (id, record, message);
    }

    private static async Task<List<string>> BlobNamesAsync(BlobContainerClient container)
    {
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync()) names.Add(blob.Name);
        return names;
    }
}
