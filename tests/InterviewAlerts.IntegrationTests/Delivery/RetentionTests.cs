using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
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
/// of an ended request is left (record, body blob, claim-checked dead letter blob), and its dead letter carries the
/// retention as its time-to-live. Requests still in flight keep everything.
/// </summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(30);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private AzuriteProcess _azurite = null!;
    private TableRequestRecordStore _records = null!;
    private BlobContainerClient _container = null!;
    private BlobPayloadStore _payloads = null!;
    private QueueClient _queue = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartNewAsync();
        var table = new TableClient(_azurite.ConnectionString, StorageNames.RecordsTable);
        await table.CreateIfNotExistsAsync();
        _records = new TableRequestRecordStore(table);
        _container = new BlobContainerClient(_azurite.ConnectionString, StorageNames.PayloadContainer);
        await _container.CreateIfNotExistsAsync();
        _payloads = new BlobPayloadStore(_container);
        _queue = new QueueClient(_azurite.ConnectionString, StorageNames.DeadLetterQueue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await _queue.CreateIfNotExistsAsync();
    }

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task After_the_retention_the_record_and_blobs_of_an_ended_request_are_deleted_and_its_dead_letter_lives_exactly_that_long()
    {
        var ended = await RequestAsync(RequestState.Received);
        var inFlight = await RequestAsync(RequestState.Retrying);
        var writer = new DeadLetterWriter(new StorageDeadLetterQueue(_queue, _payloads, Retention), _records, _time, NullLogger<DeadLetterWriter>.Instance);
        var rejected = ended.Record with { State = RequestState.Rejected, LastError = "Paradox declined the request: " + new string('x', 30_000) };
        await _records.UpsertAsync(rejected, CancellationToken.None);
        await writer.WriteAsync(ended.Message, rejected, rejected.LastError!, CancellationToken.None);

        var names = await BlobNamesAsync();
        Assert.Equal(new[] { ended.Id + ".deadletter.json", ended.Id + ".json", inFlight.Id + ".json" }.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        var deadLetter = Assert.Single((await _queue.PeekMessagesAsync(32)).Value);
        Assert.Equal<TimeSpan?>(Retention, deadLetter.ExpiresOn - deadLetter.InsertedOn);

        var purger = new RetentionPurger(_records, _payloads, Options.Create(new DeliveryOptions { Retention = Retention }), _time, NullLogger<RetentionPurger>.Instance);
        var early = await purger.PurgeAsync(CancellationToken.None);
        Assert.Equal(new PurgeReport(0, 0), early);

        _time.Advance(Retention + TimeSpan.FromHours(1));
        var report = await purger.PurgeAsync(CancellationToken.None);

        Assert.Equal(new PurgeReport(1, 2), report);
        Assert.Null(await _records.GetAsync(ended.Record.Caller, ended.Id, CancellationToken.None));
        Assert.NotNull(await _records.GetAsync(inFlight.Record.Caller, inFlight.Id, CancellationToken.None));
        Assert.Equal([inFlight.Id + ".json"], await BlobNamesAsync());
    }

    [Fact]
    public async Task The_queue_drops_a_dead_letter_when_its_time_to_live_ends()
    {
        var request = await RequestAsync(RequestState.Expired);
        var shortLived = new StorageDeadLetterQueue(_queue, _payloads, TimeSpan.FromSeconds(2));

        await shortLived.AddAsync(new DeadLetter
        {
            TrackingId = request.Id,
            State = RequestState.Expired,
            Reason = "Expired: still failing.",
            DeadLetteredAt = _time.GetUtcNow(),
            Message = request.Message,
        }, CancellationToken.None);
        Assert.Single((await _queue.PeekMessagesAsync(32)).Value);

        await Eventually.ValueAsync(async () => (await _queue.PeekMessagesAsync(32)).Value.Length == 0 ? "gone" : null,
            TimeSpan.FromSeconds(30), "the dead letter to expire");
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

    private async Task<List<string>> BlobNamesAsync()
    {
        var names = new List<string>();
        await foreach (var blob in _container.GetBlobsAsync()) names.Add(blob.Name);
        return names;
    }
}
