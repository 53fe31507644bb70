using System.Globalization;
using System.Text;
using InterviewAlerts.LoadTest.Infrastructure;

namespace InterviewAlerts.LoadTest.Scenarios;

/// <summary>
/// (c) Acknowledgement latency while Paradox takes 300 ms: the adapter's ingest (queue, then answer) against the
/// sync-forward baseline (answer after Paradox answered). Delivery keeps running in the background, as in production.
/// Both get the same offered load (a fixed arrival rate, enough workers that neither waits for a free one), so the
/// latencies compare the same traffic; a closed loop at equal concurrency would give the faster side more traffic.
/// Every run starts on a fresh, empty in-memory Azurite and ends within 60 s of its start. Azurite's queue service runs
/// a mark-and-sweep garbage collection every 60 s that stalls all three of its services (hundreds of ms, seconds once
/// its store has grown; Azure Storage has nothing like it): measured over longer windows, every storage-backed path,
/// the raw-enqueue baseline included, shows the emulator's stall in its p99, not its own. The raw-enqueue baseline is
/// run beside the adapter to show what storage alone costs.
/// </summary>
internal static class AckScenario
{
    public static async Task RunAsync(bool quick)
    {
        await using var stack = await Stack.StartAsync("ack");
        await stack.SetLatencyAsync(300);
        using var client = new HttpClient(Stack.LoopbackHandler(64)) { BaseAddress = stack.AdapterUrl, Timeout = TimeSpan.FromSeconds(60) };

        var rows = new List<(string Target, int Concurrency, RunResult Result)>();
        var quantiles = new List<object?[]>();
        const int workers = 48;
        var seconds = quick ? 5 : 25;
        foreach (var rate in new[] { 10, 40 })
        {
            foreach (var target in new[] { "adapter", "raw-enqueue", "sync-forward" })
            {
                var tag = Payloads.NewRunTag();
                var uri = new Uri(target switch
                {
                    "adapter" => "api/interview-alerts",
                    "raw-enqueue" => "api/_baseline/raw-enqueue",
                    _ => "api/_baseline/sync-forward",
                }, UriKind.Relative);
                var expected = target == "sync-forward" ? 200 : 202;
                await stack.FreshAzuriteAsync();
                var warm = await LoadGenerator.RunAsync(client, 4, 40, TimeSpan.FromSeconds(30),
                    i => new LoadRequest(HttpMethod.Post, uri, Payloads.ParadoxBody(tag, 1_000_000 + i), Payloads.NativeContentType), s => s.Status == expected);
                if (warm.Ok != warm.Requests) throw new InvalidOperationException($"Warm-up of {target} failed: {warm.StatusSummary}");

                var result = await LoadGenerator.RunAsync(client, workers, rate * seconds, TimeSpan.FromSeconds(seconds + 30),
                    i => new LoadRequest(HttpMethod.Post, uri, Payloads.ParadoxBody(tag, i), Payloads.NativeContentType), s => s.Status == expected, rate);
                rows.Add((target, rate, result));
                Console.WriteLine($"{target,-12} {rate,3}/s {result.Ok}/{result.Requests} ok, {result.OkPerSecond:F0}/s, p50 {result.Latencies.P50:F1} p95 {result.Latencies.P95:F1} p99 {result.Latencies.P99:F1} ms [{result.StatusSummary}]");
                foreach (var q in Enumerable.Range(0, 201).Select(i => i * 0.5)) quantiles.Add([target, rate, q, q == 0 ? result.Latencies.Sorted.FirstOrDefault() : result.Latencies.Percentile(q)]);
            }
        }

        await stack.SetLatencyAsync(0);
        Evidence.Csv("ack", ["target", "offered_rps", "requests", "ok", "rps", "p50_ms", "p95_ms", "p99_ms", "max_ms"],
            rows.Select(r => new object?[] { r.Target, r.Concurrency, r.Result.Requests, r.Result.Ok, r.Result.OkPerSecond, r.Result.Latencies.P50, r.Result.Latencies.P95, r.Result.Latencies.P99, r.Result.Latencies.Max }));
        Evidence.Csv("ack-latency-quantiles", ["target", "offered_rps", "quantile", "ms"], quantiles);

        var text = new StringBuilder();
        text.AppendLine("| offered load | adapter ack p50 / p95 / p99 / max ms | sync-forward p50 / p95 / p99 ms | sync p99 ÷ adapter p99 (target ≥ 5) | raw-enqueue p50 / p95 / p99 / max ms (storage alone) |");
        text.AppendLine("|---:|---:|---:|---:|---:|");
        foreach (var group in rows.GroupBy(r => r.Concurrency))
        {
            var a = group.Single(r => r.Target == "adapter").Result.Latencies;
            var s = group.Single(r => r.Target == "sync-forward").Result.Latencies;
            var raw = group.Single(r => r.Target == "raw-enqueue").Result.Latencies;
            var ratio = s.P99 / a.P99;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {group.Key} req/s | {a.P50:F1} / {a.P95:F1} / {a.P99:F1} / {a.Max:F0} | {s.P50:F1} / {s.P95:F1} / {s.P99:F1} | {ratio:F1} {(ratio >= 5 ? "✅" : "❌")} | {raw.P50:F1} / {raw.P95:F1} / {raw.P99:F1} / {raw.Max:F0} |");
        }

        Evidence.Markdown("ack", text.ToString());
        Console.WriteLine(text);
    }
}
