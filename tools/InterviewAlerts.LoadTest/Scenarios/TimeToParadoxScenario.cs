using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using InterviewAlerts.LoadTest.Infrastructure;

namespace InterviewAlerts.LoadTest.Scenarios;

/// <summary>
/// Time to Paradox: from the caller's acknowledgement (the 202 received) to the sandbox receiving the request, with the
/// sandbox answering at once, at a fixed arrival rate of 1, 10 and 40 req/s. Each rate starts on a fresh Azurite and a
/// freshly started adapter with delivery on (under the Functions host when one is named). Beside it, on the same run:
/// storage requests counted at the relays in front of Azurite, idle (a minute with no traffic, after the host settled)
/// and per request (the window's count less the idle rate), the executions and durations the host logged, and the
/// adapter's resident memory, which are the inputs of the cost table.
/// </summary>
internal static class TimeToParadoxScenario
{
    public static readonly int[] Rates = [1, 10, 40];

    public static async Task RunAsync(bool quick, FunctionsHostRun? host, int repeat, IReadOnlyList<int>? rates = null)
    {
        rates ??= Rates;
        await using var stack = await Stack.StartAsync("time-to-paradox", host: host);
        await stack.PauseDeliveryAsync();
        var prefix = stack.UnderFunctionsHost ? "host-" : "runner-";
        var rows = new List<object?[]>();
        var quantiles = new List<object?[]>();
        var idleRows = new List<object?[]>();
        var perRequestRows = new List<object?[]>();
        var costRows = new List<object?[]>();
        var coldRows = new List<object?[]>();
        var sampleRows = new List<object?[]>();
        var summary = new List<(int Rate, Latencies Latencies)>();
        for (var run = 1; run <= repeat; run++)
        {
            IReadOnlyDictionary<string, double> idlePerMinute = new Dictionary<string, double>();
            foreach (var rate in rates)
            {
                await stack.FreshAzuriteAsync();
                await stack.ResumeDeliveryAsync();
                await stack.SetLatencyAsync(0);
                var firstMs = await FirstRequestAsync(stack);
                Console.WriteLine($"run {run} {rate,2} req/s: first request after the host started reached the sandbox in {firstMs:F0} ms (not in the window)");
                var afterQuietMs = double.NaN;
                if (rate == rates[0])
                {
                    idlePerMinute = await IdleAsync(stack, quick, run, idleRows);
                    afterQuietMs = await FirstRequestAsync(stack);
                    Console.WriteLine($"run {run} {rate,2} req/s: first request after the idle minute reached the sandbox in {afterQuietMs:F0} ms (not in the window)");
                }

                coldRows.Add([run, rate, firstMs, afterQuietMs]);

                var seconds = quick ? 10 : rate == 1 ? 60 : 20;
                var accepted = new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal);
                var tag = Payloads.NewRunTag();
                using var client = stack.AdapterClient(64);
                var before = stack.StorageRequests.Snapshot();
                var clock = System.Diagnostics.Stopwatch.StartNew();
                MemorySampler? memory = stack.HostAdapter is { } process ? new MemorySampler(process.ProcessId) : null;
                var load = await LoadGenerator.RunAsync(client, 32, rate * seconds, TimeSpan.FromSeconds(seconds + 30),
                    i => new LoadRequest(HttpMethod.Post, new Uri("api/interview-alerts", UriKind.Relative), Payloads.Native(tag, i), Payloads.NativeContentType),
                    s => s.Status == 202, rate,
                    s =>
                    {
                        if (s.Status == 202 && Payloads.TrackingId(s.Answer) is { } id) accepted[id] = s.At;
                    });
                var received = await WaitForAllAsync(stack, tag, accepted.Count, TimeSpan.FromSeconds(60));
                var window = clock.Elapsed;
                var used = StorageRequestCounter.Difference(stack.StorageRequests.Snapshot(), before);
                var residentMiB = memory is null ? double.NaN : Median(memory.Samples.Select(s => s.ResidentMiB));
                if (memory is not null) await memory.DisposeAsync();

                var waits = received.Where(r => r.TrackingId is not null && accepted.ContainsKey(r.TrackingId))
                    .Select(r => (r.ReceivedAt - accepted[r.TrackingId!]).TotalMilliseconds).ToList();
                var latencies = new Latencies(waits);
                foreach (var r in received.Where(r => r.TrackingId is not null && accepted.ContainsKey(r.TrackingId)).OrderBy(r => r.ReceivedAt))
                {
                    sampleRows.Add([run, rate, accepted[r.TrackingId!].ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture), (r.ReceivedAt - accepted[r.TrackingId!]).TotalMilliseconds]);
                }

                summary.Add((rate, latencies));
                rows.Add([run, rate, load.Ok, latencies.Count, latencies.P50, latencies.P95, latencies.P99, latencies.Max]);
                foreach (var q in QuantilePoints()) quantiles.Add([run, rate, q, q == 0 ? latencies.Sorted.FirstOrDefault() : latencies.Percentile(q)]);
                Console.WriteLine($"run {run} {rate,2} req/s: {load.Ok}/{load.Requests} accepted, {latencies.Count} received; time to Paradox p50 {latencies.P50:F0} p95 {latencies.P95:F0} p99 {latencies.P99:F0} max {latencies.Max:F0} ms [{load.StatusSummary}]");

                // Storage requests per accepted-and-delivered request: the window's count, less what idling costs over it.
                foreach (var (kind, count) in used.OrderBy(u => u.Key, StringComparer.Ordinal))
                {
                    var idle = idlePerMinute.GetValueOrDefault(kind) * window.TotalMinutes;
                    perRequestRows.Add([run, rate, kind, count, Math.Round(idle, 1), (count - idle) / Math.Max(1, latencies.Count)]);
                }

                var total = used.Values.Sum() - (idlePerMinute.Values.Sum() * window.TotalMinutes);
                Console.WriteLine($"  storage requests per request (ingest + delivery): {total / Math.Max(1, latencies.Count):F2}; " +
                    string.Join(", ", used.OrderByDescending(u => u.Value).Select(u => $"{u.Key} {u.Value}")));

                if (stack.HostAdapter is { } hostProcess)
                {
                    foreach (var (function, durations) in HostExecutions.Read(hostProcess.LogPath))
                    {
                        costRows.Add([run, rate, function, durations.Count, durations.Average(), new Latencies(durations).P50, residentMiB]);
                        Console.WriteLine($"  {function}: {durations.Count} executions, mean {durations.Average():F1} ms; resident set {residentMiB:F0} MiB");
                    }
                }

                await stack.PauseDeliveryAsync();
            }
        }

        Evidence.Csv(prefix + "time-to-paradox", ["run", "offered_rps", "accepted", "received", "p50_ms", "p95_ms", "p99_ms", "max_ms"], rows);
        Evidence.Csv(prefix + "time-to-paradox-quantiles", ["run", "offered_rps", "quantile", "ms"], quantiles);
        Evidence.Csv(prefix + "time-to-paradox-samples", ["run", "offered_rps", "acknowledged_utc", "ms"], sampleRows);
        Evidence.Csv(prefix + "time-to-paradox-first-request", ["run", "offered_rps", "after_start_ms", "after_idle_minute_ms"], coldRows);
        Evidence.Csv(prefix + "idle-transactions", ["run", "kind", "per_minute"], idleRows);
        Evidence.Csv(prefix + "transactions-per-request", ["run", "offered_rps", "kind", "counted", "idle_share", "per_request"], perRequestRows);
        if (costRows.Count > 0) Evidence.Csv(prefix + "executions", ["run", "offered_rps", "function", "executions", "mean_ms", "p50_ms", "resident_mib"], costRows);
        var table = Table(summary, stack.HostLabel);
        Evidence.Markdown(prefix + "time-to-paradox", table);
        Console.WriteLine(table);
    }

    /// <summary>
    /// One request sent and awaited at the sandbox outside the measured window, so the window measures the steady state:
    /// the first request after a start pays for JIT, the first token and new connections; the first after a quiet spell
    /// waits for the host's next poll of an empty queue (up to <c>maxPollingInterval</c>). Both are reported on their own.
    /// </summary>
    private static async Task<double> FirstRequestAsync(Stack stack)
    {
        var tag = Payloads.NewRunTag();
        using var client = stack.AdapterClient(1);
        using var content = new ByteArrayContent(Payloads.Native(tag, 0));
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(Payloads.NativeContentType);
        using var response = await client.PostAsync(new Uri("api/interview-alerts", UriKind.Relative), content);
        var acknowledged = DateTimeOffset.UtcNow;
        response.EnsureSuccessStatusCode();
        var received = await WaitForAllAsync(stack, tag, 1, TimeSpan.FromSeconds(60));
        return received.Count == 0 ? double.NaN : (received[0].ReceivedAt - acknowledged).TotalMilliseconds;
    }

    /// <summary>Storage requests per minute, by kind, while nothing is sent (after the adapter settled for 20 s), once per run.</summary>
    private static async Task<IReadOnlyDictionary<string, double>> IdleAsync(Stack stack, bool quick, int run, List<object?[]> idleRows)
    {
        await Task.Delay(TimeSpan.FromSeconds(20));
        var before = stack.StorageRequests.Snapshot();
        var window = TimeSpan.FromSeconds(quick ? 20 : 40);
        await Task.Delay(window);
        var idle = StorageRequestCounter.Difference(stack.StorageRequests.Snapshot(), before)
            .ToDictionary(d => d.Key, d => d.Value / window.TotalMinutes, StringComparer.Ordinal);
        foreach (var (kind, perMinute) in idle.OrderBy(i => i.Key, StringComparer.Ordinal)) idleRows.Add([run, kind, perMinute]);
        Console.WriteLine($"run {run}: idle storage requests {idle.Values.Sum():F0}/min ({string.Join(", ", idle.Select(i => $"{i.Key} {i.Value:F0}"))})");
        return idle;
    }

    private static async Task<IReadOnlyList<SandboxRecord>> WaitForAllAsync(Stack stack, string tag, int expected, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var received = (await stack.SandboxRequestsAsync()).Where(r => r.Body.Contains(tag, StringComparison.Ordinal)).ToList();
            if (received.Count >= expected || clock.Elapsed > timeout) return received;
            await Task.Delay(250);
        }
    }

    private static IEnumerable<double> QuantilePoints() =>
        Enumerable.Range(0, 200).Select(i => i * 0.5).Concat(Enumerable.Range(1, 9).Select(i => 99 + (i / 10.0))).Append(100.0).Distinct().Order();

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
    }

    private static string Table(List<(int Rate, Latencies Latencies)> runs, string host)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Time from the 202 to the sandbox receiving the request ({host}, sandbox answering at once), each run on its own:");
        text.AppendLine();
        text.AppendLine("| offered load | runs | p50 ms | p99 ms | max ms | target p99 | met |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---|");
        foreach (var group in runs.GroupBy(r => r.Rate))
        {
            var target = group.Key == 1 ? 1000 : 500;
            var met = group.All(r => r.Latencies.P99 <= target);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {group.Key} req/s | {group.Count()} | {string.Join(" / ", group.Select(r => r.Latencies.P50.ToString("F0", CultureInfo.InvariantCulture)))} | " +
                $"{string.Join(" / ", group.Select(r => r.Latencies.P99.ToString("F0", CultureInfo.InvariantCulture)))} | " +
                $"{string.Join(" / ", group.Select(r => r.Latencies.Max.ToString("F0", CultureInfo.InvariantCulture)))} | ≤ {target} | {(met ? "✅" : "❌")} |");
        }

        return text.ToString();
    }
}
