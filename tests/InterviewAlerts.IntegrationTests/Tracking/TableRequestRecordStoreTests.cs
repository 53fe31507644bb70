using Azure.Data.Tables;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Tracking;
using InterviewAlerts.IntegrationTests.Infrastructure;

namespace InterviewAlerts.IntegrationTests.Tracking;

/// <summary>
/// The request records against a real Azurite table: insert-if-absent, admission of key + record in one transaction,
/// withdrawal, optimistic concurrency, purge.
/// </summary>
public sealed class TableRequestRecordStoreTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private readonly Dictionary<string, string> _ids = [];
    private TableClient _table = null!;
    private TableRequestRecordStore _store = null!;

    public async Task InitializeAsync()
    {
        // A table per test: purge reads the whole table.
        _table = new TableClient(fixture.Azurite.ConnectionString, "Records" + Guid.NewGuid().ToString("N")[..12]);
        await _table.CreateIfNotExistsAsync();
        _store = new TableRequestRecordStore(_table);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Update_with_a_stale_ETag_loses()
    {
        var stored = Record("b", RequestState.Received);
        await _store.UpsertAsync(stored, CancellationToken.None);
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

    [Fact]
    public async Task Admission_creates_key_and_record_together_and_a_second_admission_returns_the_first()
    {
        var key = IdempotencyKey.FromHeader("store-test", "k-1");
        var first = await _store.TryAdmitAsync(Entry(key, "first", "fp-1"), Record("first", RequestState.Received), CancellationToken.None);
        var second = await _store.TryAdmitAsync(Entry(key, "second", "fp-2"), Record("second", RequestState.Received), CancellationToken.None);

        Assert.True(first.Created);
        Assert.Equal(key.RowKey, first.Record.IdempotencyKeyRow);
        Assert.False(second.Created);
        Assert.Equal((Id("first"), "fp-1"), (second.Entry.TrackingId, second.Entry.BodyFingerprint));
        Assert.Equal((Id("first"), first.Record.ETag, key.RowKey), (second.Record.TrackingId, second.Record.ETag, second.Record.IdempotencyKeyRow));
        Assert.Null(await _store.GetAsync("store-test", Id("second"), CancellationToken.None)); // the transaction left nothing behind
    }

    [Fact]
    public async Task Same_key_in_another_callers_partition_is_another_request()
    {
        var key = IdempotencyKey.Of("same", "parts");
        var mine = await _store.TryAdmitAsync(Entry(key, "mine", "fp"), Record("mine", RequestState.Received), CancellationToken.None);
        var theirs = await _store.TryAdmitAsync(Entry(key, "theirs", "fp") with { Caller = "other" },
            Record("theirs", RequestState.Received) with { Caller = "other" }, CancellationToken.None);

        Assert.True(mine.Created);
        Assert.True(theirs.Created);
        Assert.Null(await _store.GetAsync("other", Id("mine"), CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_admissions_of_one_key_create_exactly_one_request_and_all_name_it()
    {
        var key = IdempotencyKey.FromHeader("store-test", "race");
        var admissions = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            _store.TryAdmitAsync(Entry(key, "racer" + i, "fp-" + i), Record("racer" + i, RequestState.Received), CancellationToken.None)));

        var winner = Assert.Single(admissions, a => a.Created);
        Assert.All(admissions, a => Assert.Equal((winner.Entry.TrackingId, winner.Entry.BodyFingerprint), (a.Entry.TrackingId, a.Entry.BodyFingerprint)));
        Assert.Single(_table.Query<TableEntity>(e => e.PartitionKey == "store-test"), e => TrackingIds.IsWellFormed(e.RowKey));
    }

    [Fact]
    public async Task Withdrawal_deletes_key_and_record_unless_the_record_changed()
    {
        var key = IdempotencyKey.FromHeader("store-test", "undo");
        var admitted = await _store.TryAdmitAsync(Entry(key, "undo", "fp"), Record("undo", RequestState.Received), CancellationToken.None);
        var taken = admitted.Record with { UpdatedAt = DateTimeOffset.UtcNow };
        Assert.True(await _store.TryUpdateAsync(taken, CancellationToken.None));

        Assert.False(await _store.TryWithdrawAsync(admitted.Record, CancellationToken.None)); // stale version: nothing deleted
        Assert.NotNull(await _store.GetAsync("store-test", Id("undo"), CancellationToken.None));
        Assert.True((await _table.GetEntityIfExistsAsync<TableEntity>("store-test", key.RowKey)).HasValue);

        var current = (await _store.GetAsync("store-test", Id("undo"), CancellationToken.None))!;
        Assert.True(await _store.TryWithdrawAsync(current, CancellationToken.None));
        Assert.Null(await _store.GetAsync("store-test", Id("undo"), CancellationToken.None));
        Assert.False((await _table.GetEntityIfExistsAsync<TableEntity>("store-test", key.RowKey)).HasValue);
        Assert.True((await _store.TryAdmitAsync(Entry(key, "again", "fp"), Record("again", RequestState.Received), CancellationToken.None)).Created);
    }

    [Fact]
    public async Task Key_left_without_its_record_is_cleared_and_the_admission_succeeds()
    {
        var key = IdempotencyKey.FromHeader("store-test", "orphan");
        await _store.TryAdmitAsync(Entry(key, "gone", "fp"), Record("gone", RequestState.Received), CancellationToken.None);
        await _store.DeleteAsync("store-test", Id("gone"), CancellationToken.None);

        var admitted = await _store.TryAdmitAsync(Entry(key, "new", "fp-2"), Record("new", RequestState.Received), CancellationToken.None);

        Assert.True(admitted.Created);
        Assert.Equal(Id("new"), (await _table.GetEntityAsync<TableEntity>("store-test", key.RowKey)).Value.GetString("TrackingId"));
    }

    [Fact]
    public async Task Purge_deletes_a_terminal_records_key_too_so_the_key_is_free_again()
    {
        var key = IdempotencyKey.FromHeader("store-test", "old");
        var admitted = await _store.TryAdmitAsync(Entry(key, "old", "fp"), Record("old", RequestState.Received), CancellationToken.None);
        await _store.UpsertAsync(admitted.Record with { State = RequestState.Delivered }, CancellationToken.None);

        Assert.Equal(1, await _store.PurgeAsync(DateTimeOffset.UtcNow + TimeSpan.FromMinutes(1), CancellationToken.None));

        Assert.False((await _table.GetEntityIfExistsAsync<TableEntity>("store-test", key.RowKey)).HasValue);
        Assert.Empty(_table.Query<TableEntity>(e => e.PartitionKey == "store-test"));
    }

    private IdempotencyEntry Entry(IdempotencyKey key, string name, string fingerprint) => new("store-test", key, Id(name), fingerprint);

    private string Id(string name)
    {
        if (!_ids.TryGetValue(name, out var id)) _ids[name] = id = TrackingIds.New();
        return id;
    }

    private RequestRecord Record(string key, RequestState state) => new()
    {
        TrackingId = Id(key),
        Caller = "store-test",
        Source = RequestShape.Native,
        State = state,
        ReceivedAt = DateTimeOffset.UtcNow,
        UpdatedAt = DateTimeOffset.UtcNow,
    };
}
