using Azure.Data.Tables;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Tracking;
using InterviewAlerts.Functions.Tests.Infrastructure;

namespace InterviewAlerts.Functions.Tests.Tracking;

/// <summary>The request records against a real Azurite table: insert-if-absent, optimistic concurrency, purge.</summary>
public sealed class TableRequestRecordStoreTests : IAsyncLifetime
{
    private AzuriteProcess _azurite = null!;
    private TableRequestRecordStore _store = null!;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteProcess.StartNewAsync();
        var table = new TableClient(_azurite.ConnectionString, "Records");
        await table.CreateIfNotExistsAsync();
        _store = new TableRequestRecordStore(table);
    }

    public async Task DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task Second_insert_of_the_same_tracking_id_returns_the_stored_record()
    {
        var first = Record("a", RequestState.Received);
        var (created, _) = await _store.TryCreateAsync(first, CancellationToken.None);
        var (again, stored) = await _store.TryCreateAsync(first with { State = RequestState.Delivered }, CancellationToken.None);

        Assert.True(created);
        Assert.False(again);
        Assert.Equal(RequestState.Received, stored.State);
    }

    [Fact]
    public async Task Update_with_a_stale_ETag_loses()
    {
        var (_, stored) = await _store.TryCreateAsync(Record("b", RequestState.Received), CancellationToken.None);
        var read = (await _store.GetAsync("store-test", stored.TrackingId, CancellationToken.None))!;

        Assert.True(await _store.TryUpdateAsync(read with { State = RequestState.Sending }, CancellationToken.None));
        Assert.False(await _store.TryUpdateAsync(read with { State = RequestState.Sending, Attempts = 9 }, CancellationToken.None));
        Assert.Equal(RequestState.Sending, (await _store.GetAsync("store-test", stored.TrackingId, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task Purge_removes_terminal_records_older_than_the_cutoff_and_keeps_requests_still_in_flight()
    {
        await _store.UpsertAsync(Record("done", RequestState.Delivered), CancellationToken.None);
        await _store.UpsertAsync(Record("dead", RequestState.Expired), CancellationToken.None);
        await _store.UpsertAsync(Record("busy", RequestState.Retrying), CancellationToken.None);

        var purged = await _store.PurgeAsync(DateTimeOffset.UtcNow + TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Equal(2, purged);
        Assert.Null(await _store.GetAsync("store-test", Id("done"), CancellationToken.None));
        Assert.Null(await _store.GetAsync("store-test", Id("dead"), CancellationToken.None));
        Assert.NotNull(await _store.GetAsync("store-test", Id("busy"), CancellationToken.None));
        Assert.Equal(0, await _store.PurgeAsync(DateTimeOffset.UtcNow - TimeSpan.FromHours(72), CancellationToken.None));
    }

    private static string Id(string key) => TrackingIds.FromIdempotencyKey("store-test", key);

    private static RequestRecord Record(string key, RequestState state) => new()
    {
        TrackingId = Id(key),
        Caller = "store-test",
        Source = RequestShape.Native,
        State = state,
        ReceivedAt = DateTimeOffset.UtcNow,
        UpdatedAt = DateTimeOffset.UtcNow,
    };
}
