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
    public static async Task RunAsync(bool quick, FunctionsHostRun? host = null, int repeat = 1, bool deliveryOff = false)
    {
        if (host is not null)
        {
            await RunUnderHostAsync(quick, host, repeat, deliveryOff);
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
    /// two windows at the same fixed rate, each with two targets loaded at the same time. First the adapter beside the
    /// raw-enqueue baseline (served by the in-process local runner on the same relays to the same Azurite). Then the two
    /// parts of the adapter's answer on their own: the host's hop without storage (the adapter's validate function under
    /// the host: the same trigger, authentication and interpretation, no storage call) beside ingest's two storage calls
    /// without the host (the record-then-enqueue baseline), so a miss can be read as the sum of its parts. With
    /// <paramref name="deliveryOff"/> the queue function is off, so acknowledgements do not share the CPU with deliveries.
    /// </summary>
    private static async Task RunUnderHostAsync(bool quick, FunctionsHostRun host, int repeat, bool deliveryOff)
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
                if (deliveryOff) await stack.StartFunctionsHostAsync(delivery: false);
                else await stack.ResumeDeliveryAsync();
                await stack.SetLatencyAsync(300);
                using var adapter = stack.AdapterClient(48);
                using var baseline = stack.AdapterClient(48, stack.RunnerUrl);
                AckTarget[][] windows =
                [
                    [new("adapter", adapter, "api/interview-alerts", 202), new("raw-enqueue", baseline, "api/_baseline/raw-enqueue", 202)],
                    [new("host-validate", adapter, "api/interview-alerts/validate", 200), new("record-then-enqueue", baseline, "api/_baseline/record-then-enqueue", 202)],
                ];
                foreach (var targets in windows)
                {
                    foreach (var result in await RunWindowAsync(targets, rate, seconds))
                    {
                        rows.Add((run, rate, result.Target, result.Result));
                        Console.WriteLine($"run {run} {result.Target,-20} {rate,3}/s {result.Result.Ok}/{result.Result.Requests} ok, p50 {result.Result.Latencies.P50:F1} p95 {result.Result.Latencies.P95:F1} p99 {result.Result.Latencies.P99:F1} max {result.Result.Latencies.Max:F1} ms [{result.Result.StatusSummary}]");
                        foreach (var q in Enumerable.Range(0, 201).Select(x => x * 0.5)) quantiles.Add([run, result.Target, rate, q, q == 0 ? result.Result.Latencies.Sorted.FirstOrDefault() : result.Result.Latencies.Percentile(q)]);
                    }
                }
            }
        }

        await stack.SetLatencyAsync(0);
        var name = deliveryOff ? "host-ack-delivery-off" : "host-ack";
        Evidence.Csv(name, ["run", "target", "offered_rps", "requests", "ok", "p50_ms", "p95_ms", "p99_ms", "max_ms"],
            rows.Select(r => new object?[] { r.Run, r.Target, r.Rate, r.Result.Requests, r.Result.Ok, r.Result.Latencies.P50, r.Result.Latencies.P95, r.Result.Latencies.P99, r.Result.Latencies.Max }));
        Evidence.Csv(name + "-latency-quantiles", ["run", "target", "offered_rps", "quantile", "ms"], quantiles);
        var text = new StringBuilder();
        text.AppendLine("| offered load | run | adapter ack p50 / p99 ms (Functions host) | raw-enqueue p50 / p99 ms (same window) | p99 ratio (target ≤ 2) | host hop alone (validate) p50 / p99 ms | two storage calls alone p50 / p99 ms | two calls ÷ raw p99 |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in rows.GroupBy(r => (r.Rate, r.Run)))
        {
            Latencies Of(string target) => group.Single(r => r.Target == target).Result.Latencies;
            var (a, b, hop, calls) = (Of("adapter"), Of("raw-enqueue"), Of("host-validate"), Of("record-then-enqueue"));
            var ratio = a.P99 / b.P99;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {group.Key.Rate} req/s | {group.Key.Run} | {a.P50:F1} / {a.P99:F1} | {b.P50:F1} / {b.P99:F1} | {ratio:F2} {(ratio <= 2 ? "✅" : "❌")} | " +
                $"{hop.P50:F1} / {hop.P99:F1} | {calls.P50:F1} / {calls.P99:F1} | {calls.P99 / b.P99:F2} |");
        }

        Evidence.Markdown(name, text.ToString());
        Console.WriteLine(text);
    }

    private sealed record AckTarget(string Name, HttpClient Client, string Path, int Expected);

    /// <summary>Warms each target up, then loads them all at the same fixed rate at the same time.</summary>
    private static async Task<(string Target, RunResult Result)[]> RunWindowAsync(AckTarget[] targets, int rate, int seconds)
    {
        foreach (var target in targets)
        {
            var tag = Payloads.NewRunTag();
            var warm = await LoadGenerator.RunAsync(target.Client, 4, 40, TimeSpan.FromSeconds(30),
                i => new LoadRequest(HttpMethod.Post, new Uri(target.Path, UriKind.Relative), Payloads.ParadoxBody(tag, 1_000_000 + i), Payloads.NativeContentType), s => s.Status == target.Expected);
            if (warm.Ok != warm.Requests) throw new InvalidOperationException($"Warm-up of {target.Name} failed: {warm.StatusSummary}");
        }

        var results = await Task.WhenAll(targets.Select(target =>
        {
            var tag = Payloads.NewRunTag();
            return LoadGenerator.RunAsync(target.Client, 48, rate * seconds, TimeSpan.FromSeconds(seconds + 30),
                i => new LoadRequest(HttpMethod.Post, new Uri(target.Path, UriKind.Relative), Payloads.ParadoxBody(tag, i), Payloads.NativeContentType), s => s.Status == target.Expected, rate);
        }));
        return targets.Select((target, i) => (target.Name, results[i])).ToArray();
    }
}
