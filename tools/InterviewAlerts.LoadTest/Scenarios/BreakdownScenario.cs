using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Requests;
using InterviewAlerts.LoadTest.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewAlerts.LoadTest.Scenarios;

/// <summary>
/// Where ingest's time goes: each of its storage calls alone (Table read of a missing record, queue write, Table
/// insert) and the CPU of interpreting a body, against the same Azurite, sequentially (concurrency 1).
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
        async Task MeasureAsync(string what, Func<int, Task> op)
        {
            for (var i = 0; i < 100; i++) await op(-i - 1); // warm-up
            var samples = new double[n];
            for (var i = 0; i < n; i++)
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
        await MeasureAsync("Interpret native body (CPU)", _ => { interpreter.Interpret(Payloads.NativeContentType, native).Request!.ToParadoxJson().ToJsonString(ParadoxJson.Options); return Task.CompletedTask; });
        await MeasureAsync("Interpret BrassRing body (CPU)", _ => { interpreter.Interpret(Payloads.BrassRingContentType, brassRing).Request!.ToParadoxJson().ToJsonString(ParadoxJson.Options); return Task.CompletedTask; });

        var ingest = stack.Adapter.Services.GetRequiredService<IngestService>();
        await MeasureAsync("IngestService.AcceptAsync, native (in-process)", async i =>
        {
            var result = await ingest.AcceptAsync(new IngestCall(Payloads.NativeContentType, Payloads.Native(tag, i + 1_000_000)), CancellationToken.None);
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
        await MeasureAsync("HTTP POST /api/_baseline/raw-enqueue, native", async i =>
        {
            using var content = new ByteArrayContent(Payloads.Native(tag, i + 3_000_000));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync(new Uri("api/_baseline/raw-enqueue", UriKind.Relative), content);
            if ((int)response.StatusCode != 202) throw new InvalidOperationException(response.StatusCode.ToString());
        });

        var text = new StringBuilder();
        text.AppendLine("| step (alone, concurrency 1) | p50 ms | p95 ms | p99 ms | mean ms |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var (what, l) in rows) text.AppendLine(CultureInfo.InvariantCulture, $"| {what} | {l.P50:F2} | {l.P95:F2} | {l.P99:F2} | {l.Mean:F2} |");
        Evidence.Markdown("ingest-breakdown", text.ToString());
        Evidence.Csv("ingest-breakdown", ["step", "p50_ms", "p95_ms", "p99_ms", "mean_ms"], rows.Select(r => new object?[] { r.What, r.L.P50, r.L.P95, r.L.P99, r.L.Mean }));
    }
}
