using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using InterviewAlerts.Core.Callers;
using InterviewAlerts.Core.Delivery;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Requests;
using InterviewAlerts.Core.Storage;
using InterviewAlerts.Core.Tracking;
using InterviewAlerts.LoadTest.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewAlerts.LoadTest.Scenarios;

/// <summary>
/// Where ingest's time goes: each of its storage calls alone (Table read of a missing record, queue write, Table
/// insert) and the CPU of interpreting a body, against the same Azurite, sequentially (concurrency 1); then how many
/// of its storage calls the emulator serves per second when saturated, alone and as ingest makes them in sequence.
/// </summary>
internal static class BreakdownScenario
{
    public static async Task RunAsync(bool quick)
    {
        await using var stack = await Stack.StartAsync("breakdown");
        await stack.PauseDeliveryAsync();
        var n = quick ? 200 : 2000;
        var table = stack.Adapter.Services.GetRequiredService<TableClient>();
        var queue = stack.Adapter.Services.GetRequiredService<QueueServiceClient>().GetQueueClient("breakdown-probe");
        await queue.CreateIfNotExistsAsync();
        var interpreter = stack.Adapter.Services.GetRequiredService<RequestInterpreter>();
        var tag = Payloads.NewRunTag();
        var native = Payloads.Native(tag, 1);
        var brassRing = Payloads.BrassRing(tag, 1);
        var message = new string('x', 700);

        var rows = new List<(string What, Latencies L)>();
        async Task MeasureAsync(string what, Func<int, Task> op, int? count = null)
        {
            var calls = count ?? n;
            for (var i = 0; i < Math.Min(100, calls); i++) await op(-i - 1); // warm-up
            var samples = new double[calls];
            for (var i = 0; i < calls; i++)
            {
                var t = Stopwatch.GetTimestamp();
                await op(i);
                samples[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            }

            var l = new Latencies(samples);
            rows.Add((what, l));
            Console.WriteLine($"{what,-45} p50 {l.P50:F2} p95 {l.P95:F2} p99 {l.P99:F2} mean {l.Mean:F2} ms");
        }

        await MeasureAsync("Table read, record missing (GetEntityIfExists)", i => table.GetEntityIfExistsAsync<TableEntity>($"ia_probe{tag}{i}", "record"));
        await MeasureAsync("Queue write (~1 KB message)", _ => queue.SendMessageAsync(message));
        await MeasureAsync("Table insert (AddEntity)", i => table.AddEntityAsync(new TableEntity($"ia_probe{tag}{i}", "record")
        {
            ["Source"] = "Native", ["State"] = "Received", ["ReceivedAt"] = DateTimeOffset.UtcNow, ["UpdatedAt"] = DateTimeOffset.UtcNow, ["Attempts"] = 0, ["Replays"] = 0,
        }));
        // The record as ingest writes it (with its idempotency-key entity, one transaction) beside the single insert a
        // design without caller-scoped keys could make, each alone and then followed by the queue write.
        Task Transaction(string partition, int i) => table.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, $"key-{i}") { ["TrackingId"] = $"ia_{tag}{i}", ["BodyFingerprint"] = new string('0', 64) }),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, $"ia_{tag}{i}")
            {
                ["Source"] = "Native", ["State"] = "Received", ["ReceivedAt"] = DateTimeOffset.UtcNow, ["UpdatedAt"] = DateTimeOffset.UtcNow, ["Attempts"] = 0, ["Replays"] = 0,
            }),
        ]);
        Task SingleInsert(string partition, int i) => table.AddEntityAsync(new TableEntity(partition, $"key-{i}")
        {
            ["TrackingId"] = $"ia_{tag}{i}", ["BodyFingerprint"] = new string('0', 64),
            ["Source"] = "Native", ["State"] = "Received", ["ReceivedAt"] = DateTimeOffset.UtcNow, ["UpdatedAt"] = DateTimeOffset.UtcNow, ["Attempts"] = 0, ["Replays"] = 0,
        });
        await MeasureAsync("Table transaction (record + key entity)", i => Transaction($"ia_txa{tag}", i));
        await MeasureAsync("Table insert (record and key as one entity)", i => SingleInsert($"ia_one{tag}", i));
        await MeasureAsync("Table transaction, then queue write (ingest's two)", async i =>
        {
            await Transaction($"ia_txq{tag}", i);
            await queue.SendMessageAsync(message);
        });
        // The same two calls through the adapter's own store and queue classes, with a request's record and message.
        var store = stack.Adapter.Services.GetRequiredService<IRequestRecordStore>();
        var deliveryQueue = stack.Adapter.Services.GetRequiredService<IDeliveryQueue>();
        await MeasureAsync("Adapter's record store, then delivery queue (ingest's two)", async i =>
        {
            var trackingId = TrackingIds.New();
            var now = DateTimeOffset.UtcNow;
            var key = IdempotencyKey.FromBody("breakdown", trackingId);
            await store.TryAdmitAsync(new IdempotencyEntry("breakdown", key, trackingId, new string('0', 64)),
                new RequestRecord { TrackingId = trackingId, Caller = "breakdown", Source = RequestShape.Native, State = RequestState.Received, ReceivedAt = now, UpdatedAt = now },
                CancellationToken.None);
            await deliveryQueue.EnqueueAsync(new DeliveryMessage { TrackingId = trackingId, Caller = "breakdown", Source = RequestShape.Native, ReceivedAt = now, Body = native }, null, CancellationToken.None);
        });
        await MeasureAsync("Table insert of one entity, then queue write", async i =>
        {
            await SingleInsert($"ia_oneq{tag}", i);
            await queue.SendMessageAsync(message);
        });

        // What a single-entity record (row key = the idempotency key) costs the readers that come by tracking id (the
        // status endpoint, delivery, operators): a query on a property scans the caller's partition.
        foreach (var size in new[] { 1_000, 10_000 })
        {
            var partition = $"ia_scan{tag}{size}";
            for (var start = 0; start < size; start += 100)
            {
                await table.SubmitTransactionAsync(Enumerable.Range(start, Math.Min(100, size - start)).Select(i =>
                    new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, $"key-{i:D6}")
                    {
                        ["TrackingId"] = $"ia_{tag}{size}_{i}", ["State"] = "Delivered", ["ReceivedAt"] = DateTimeOffset.UtcNow,
                    })));
            }

            await MeasureAsync($"Read by row key in a partition of {size:N0} entities", i =>
                table.GetEntityIfExistsAsync<TableEntity>(partition, $"key-{Math.Abs(i) * 7919 % size:D6}"), quick ? 20 : 200);
            await MeasureAsync($"Find by tracking id (property query) in a partition of {size:N0} entities", async i =>
            {
                var id = $"ia_{tag}{size}_{Math.Abs(i) * 7919 % size}";
                await foreach (var found in table.QueryAsync<TableEntity>($"PartitionKey eq '{partition}' and TrackingId eq '{id}'", maxPerPage: 1000))
                {
                    if (found.RowKey.Length > 0) break; // the first match ends the scan, as a lookup would
                }
            }, quick ? 20 : 200);
        }

        await MeasureAsync("Interpret native body (CPU)", _ => { interpreter.Interpret(Payloads.NativeContentType, native).Request!.ToParadoxUtf8(); return Task.CompletedTask; });
        await MeasureAsync("Interpret BrassRing body (CPU)", _ => { interpreter.Interpret(Payloads.BrassRingContentType, brassRing).Request!.ToParadoxUtf8(); return Task.CompletedTask; });

        var ingest = stack.Adapter.Services.GetRequiredService<IngestService>();
        await MeasureAsync("IngestService.AcceptAsync, native (in-process)", async i =>
        {
            var interpretation = interpreter.Interpret(Payloads.NativeContentType, Payloads.Native(tag, i + 1_000_000));
            var result = await ingest.AcceptAsync(new IngestCall(Caller.Anonymous, interpretation), CancellationToken.None);
            if (result.Status != IngestStatus.Accepted) throw new InvalidOperationException(result.Status.ToString());
        });
        using var client = new HttpClient(Stack.LoopbackHandler(4)) { BaseAddress = stack.AdapterUrl };
        await MeasureAsync("HTTP POST /api/interview-alerts, native", async i =>
        {
            using var content = new ByteArrayContent(Payloads.Native(tag, i + 2_000_000));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync(new Uri("api/interview-alerts", UriKind.Relative), content);
            if ((int)response.StatusCode != 202) throw new InvalidOperationException(response.StatusCode.ToString());
        });
        await MeasureAsync("HTTP POST /api/interview-alerts/validate, native (no storage)", async i =>
        {
            using var content = new ByteArrayContent(Payloads.Native(tag, i + 4_000_000));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync(new Uri("api/interview-alerts/validate", UriKind.Relative), content);
            if ((int)response.StatusCode != 200) throw new InvalidOperationException(response.StatusCode.ToString());
        });
        await MeasureAsync("HTTP POST /api/_baseline/raw-enqueue, native", async i =>
        {
            using var content = new ByteArrayContent(Payloads.Native(tag, i + 3_000_000));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync(new Uri("api/_baseline/raw-enqueue", UriKind.Relative), content);
            if ((int)response.StatusCode != 202) throw new InvalidOperationException(response.StatusCode.ToString());
        });

        // Saturated: what the storage emulator can do per second with each call alone, and with the two calls ingest
        // makes in sequence (the insert of the record, then the queue write), 16 callers, each on a fresh Azurite.
        var saturated = new List<(string What, double Rate)>();
        var calls = quick ? 400 : 3000;
        async Task SaturateAsync(string what, Func<int, Task> op)
        {
            await stack.FreshAzuriteAsync();
            await queue.CreateIfNotExistsAsync();
            for (var i = 0; i < 100; i++) await op(-i - 1); // warm-up
            var next = -1;
            var started = Stopwatch.GetTimestamp();
            await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < calls) await op(i);
            }));
            var rate = calls / Stopwatch.GetElapsedTime(started).TotalSeconds;
            saturated.Add((what, rate));
            Console.WriteLine($"{what,-45} {rate:F0} calls/s (16 callers)");
        }

        var canonical = System.Text.Json.JsonSerializer.Serialize(new { trackingId = "ia_0123456789abcdefghjkmnpqrs", body = Encoding.UTF8.GetString(native) });
        Task Insert(int i) => table.AddEntityAsync(new TableEntity($"ia_sat{tag}{i}", "record")
        {
            ["Source"] = "Native", ["State"] = "Received", ["ReceivedAt"] = DateTimeOffset.UtcNow, ["UpdatedAt"] = DateTimeOffset.UtcNow, ["Attempts"] = 0, ["Replays"] = 0,
        });
        await SaturateAsync("Queue write alone (request-sized message)", _ => queue.SendMessageAsync(canonical));
        await SaturateAsync("Table insert alone (the ingest record)", Insert);
        await SaturateAsync("Table insert of the record alone, then queue write", async i =>
        {
            await Insert(i);
            await queue.SendMessageAsync(canonical);
        });
        // What ingest does: the record and its idempotency-key entity in one entity-group transaction, then the message.
        await SaturateAsync("Table transaction (record + key), then queue write (ingest's two)", async i =>
        {
            await table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity($"ia_tx{tag}{i}", "key-" + i) { ["TrackingId"] = "ia_0123456789abcdefghjkmnpqrs", ["BodyFingerprint"] = new string('0', 64) }),
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity($"ia_tx{tag}{i}", "record")
                {
                    ["Source"] = "Native", ["State"] = "Received", ["ReceivedAt"] = DateTimeOffset.UtcNow, ["UpdatedAt"] = DateTimeOffset.UtcNow, ["Attempts"] = 0, ["Replays"] = 0,
                }),
            ]);
            await queue.SendMessageAsync(canonical);
        });
        // Whether the size of what is written matters, or each call's fixed cost does.
        await SaturateAsync("Queue write alone (100-byte message)", _ => queue.SendMessageAsync(canonical[..100]));
        await SaturateAsync("Table insert alone (one-property entity)", i => table.AddEntityAsync(new TableEntity($"ia_min{tag}{i}", "record") { ["State"] = "Received" }));

        var text = new StringBuilder();
        text.AppendLine("| step (alone, concurrency 1) | p50 ms | p95 ms | p99 ms | mean ms |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var (what, l) in rows) text.AppendLine(CultureInfo.InvariantCulture, $"| {what} | {l.P50:F2} | {l.P95:F2} | {l.P99:F2} | {l.Mean:F2} |");
        text.AppendLine();
        text.AppendLine("| storage calls, saturated (16 callers, fresh Azurite each) | calls/s | ratio to the queue write alone |");
        text.AppendLine("|---|---:|---:|");
        foreach (var (what, rate) in saturated) text.AppendLine(CultureInfo.InvariantCulture, $"| {what} | {rate:F0} | {rate / saturated[0].Rate:F2} |");
        Evidence.Markdown("ingest-breakdown", text.ToString());
        Evidence.Csv("ingest-storage-saturated", ["calls", "per_second", "ratio_to_queue_write"], saturated.Select(r => new object?[] { r.What, r.Rate, r.Rate / saturated[0].Rate }));
        Evidence.Csv("ingest-breakdown", ["step", "p50_ms", "p95_ms", "p99_ms", "mean_ms"], rows.Select(r => new object?[] { r.What, r.L.P50, r.L.P95, r.L.P99, r.L.Mean }));
    }
}
