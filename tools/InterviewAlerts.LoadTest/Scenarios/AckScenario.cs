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
    public static async Task RunAsync(bool quick, FunctionsHostRun? host = null, int repeat = 1)
    {
        if (host is not null)
        {
            await RunUnderHostAsync(quick, host, repeat);
            return;
        }

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

    /// <summary>
    /// Under the Functions host: per run and rate a fresh Azurite and a fresh host (delivery on, Paradox at 300 ms), then
    /// the adapter and the raw-enqueue baseline (served by the in-process local runner on the same relays to the same
    /// Azurite) at the same fixed rate each, at the same time, so both see the same machine and the same emulator.
    /// </summary>
    private static async Task RunUnderHostAsync(bool quick, FunctionsHostRun host, int repeat)
    {
        await using var stack = await Stack.StartAsync("ack", host: host);
        var seconds = quick ? 5 : 25;
        var rows = new List<(int Run, int Rate, string Target, RunResult Result)>();
        var quantiles = new List<object?[]>();
        for (var run = 1; run <= repeat; run++)
        {
            foreach (var rate in new[] { 10, 40 })
            {
                await stack.PauseDeliveryAsync();
                await stack.FreshAzuriteAsync();
                await stack.ResumeDeliveryAsync();
                await stack.SetLatencyAsync(300);
                using var adapter = stack.AdapterClient(48);
                using var baseline = stack.AdapterClient(48, stack.RunnerUrl);
                var targets = new[] { ("adapter", adapter, "api/interview-alerts"), ("raw-enqueue", baseline, "api/_baseline/raw-enqueue") };
                foreach (var (name, client, path) in targets)
                {
                    var tag = Payloads.NewRunTag();
                    var warm = await LoadGenerator.RunAsync(client, 4, 40, TimeSpan.FromSeconds(30),
                        i => new LoadRequest(HttpMethod.Post, new Uri(path, UriKind.Relative), Payloads.ParadoxBody(tag, 1_000_000 + i), Payloads.NativeContentType), s => s.Status == 202);
                    if (warm.Ok != warm.Requests) throw new InvalidOperationException($"Warm-up of {name} failed: {warm.StatusSummary}");
                }

                var results = await Task.WhenAll(targets.Select(t =>
                {
                    var tag = Payloads.NewRunTag();
                    return LoadGenerator.RunAsync(t.Item2, 48, rate * seconds, TimeSpan.FromSeconds(seconds + 30),
                        i => new LoadRequest(HttpMethod.Post, new Uri(t.Item3, UriKind.Relative), Payloads.ParadoxBody(tag, i), Payloads.NativeContentType), s => s.Status == 202, rate);
                }));
                for (var i = 0; i < targets.Length; i++)
                {
                    var result = results[i];
                    rows.Add((run, rate, targets[i].Item1, result));
                    Console.WriteLine($"run {run} {targets[i].Item1,-12} {rate,3}/s {result.Ok}/{result.Requests} ok, p50 {result.Latencies.P50:F1} p95 {result.Latencies.P95:F1} p99 {result.Latencies.P99:F1} max {result.Latencies.Max:F1} ms [{result.StatusSummary}]");
                    foreach (var q in Enumerable.Range(0, 201).Select(x => x * 0.5)) quantiles.Add([run, targets[i].Item1, rate, q, q == 0 ? result.Latencies.Sorted.FirstOrDefault() : result.Latencies.Percentile(q)]);
                }
            }
        }

        await stack.SetLatencyAsync(0);
        Evidence.Csv("host-ack", ["run", "target", "offered_rps", "requests", "ok", "p50_ms", "p95_ms", "p99_ms", "max_ms"],
            rows.Select(r => new object?[] { r.Run, r.Target, r.Rate, r.Result.Requests, r.Result.Ok, r.Result.Latencies.P50, r.Result.Latencies.P95, r.Result.Latencies.P99, r.Result.Latencies.Max }));
        Evidence.Csv("host-ack-latency-quantiles", ["run", "target", "offered_rps", "quantile", "ms"], quantiles);
        var text = new StringBuilder();
        text.AppendLine("| offered load | run | adapter ack p50 / p99 / max ms (Functions host) | raw-enqueue p50 / p99 / max ms (same run) | p99 ratio (target ≤ 2) |");
        text.AppendLine("|---:|---:|---:|---:|---:|");
        foreach (var group in rows.GroupBy(r => (r.Rate, r.Run)))
        {
            var a = group.Single(r => r.Target == "adapter").Result.Latencies;
            var b = group.Single(r => r.Target == "raw-enqueue").Result.Latencies;
            var ratio = a.P99 / b.P99;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {group.Key.Rate} req/s | {group.Key.Run} | {a.P50:F1} / {a.P99:F1} / {a.Max:F0} | {b.P50:F1} / {b.P99:F1} / {b.Max:F0} | {ratio:F2} {(ratio <= 2 ? "✅" : "❌")} |");
        }

        Evidence.Markdown("host-ack", text.ToString());
        Console.WriteLine(text);
    }
}
