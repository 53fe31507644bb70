using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using InterviewAlerts.Core.Storage;
using InterviewAlerts.LoadTest.Infrastructure;
using InterviewAlerts.LoadTest.Baselines;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewAlerts.LoadTest.Scenarios;

/// <summary>
/// (a) Ingest throughput and latency, native JSON and BrassRing XML, at concurrency 1/4/16/64, each beside the
/// raw-enqueue baseline with the same bytes at the same concurrency. The delivery pump is paused so both paths run on
/// an otherwise idle host (delivery is measured on its own in the delivery scenario). Given a Functions host, the adapter
/// is the published app under it (queue function off) and the baseline is served by the in-process local runner.
/// </summary>
internal static class IngestScenario
{
    public static readonly int[] Concurrency = [1, 4, 16, 64];

    public static async Task RunAsync(bool quick, FunctionsHostRun? host = null)
    {
        await using var stack = await Stack.StartAsync("ingest", host: host);
        await stack.PauseDeliveryAsync();
        if (stack.UnderFunctionsHost) await stack.StartFunctionsHostAsync(delivery: false);
        var adapterClient = stack.AdapterClient(128);
        using var baselineClient = stack.AdapterClient(128, stack.RunnerUrl);
        HttpClient ClientFor(Target target) => target == Target.Adapter ? adapterClient : baselineClient;

        // Warm-up: JIT, connection pools, Azurite's first writes. Not reported.
        foreach (var shape in new[] { Shape.Native, Shape.BrassRing })
        {
            foreach (var target in new[] { Target.Adapter, Target.RawEnqueue })
            {
                var warm = await RunOneAsync(ClientFor(target), shape, target, 8, quick ? 100 : 400, TimeSpan.FromSeconds(20));
                Console.WriteLine($"warm-up {shape} {target}: {warm.Ok}/{warm.Requests} ok ({warm.StatusSummary})");
                if (warm.Ok < warm.Requests) throw new InvalidOperationException($"Warm-up of {shape} {target} failed: {warm.StatusSummary}");
            }
        }

        var rows = new List<Row>();
        var quantiles = new List<object?[]>();
        for (var level = 0; level < Concurrency.Length; level++)
        {
            var c = Concurrency[level];
            var maxRequests = quick ? 300 : c == 1 ? 1500 : 4000;
            var maxDuration = TimeSpan.FromSeconds(quick ? 5 : 15);
            if (stack.UnderFunctionsHost)
            {
                // A fresh Azurite per level, not per cell: the host (which holds connections to it) restarts with it.
                await stack.StopFunctionsHostAsync();
                await stack.FreshAzuriteAsync();
                await stack.StartFunctionsHostAsync(delivery: false);
                adapterClient.Dispose();
                adapterClient = stack.AdapterClient(128);
            }

            foreach (var shape in new[] { Shape.Native, Shape.BrassRing })
            {
                // Alternate which goes first, so a slow drift of Azurite does not favour one side.
                var order = level % 2 == 0 ? new[] { Target.Adapter, Target.RawEnqueue } : [Target.RawEnqueue, Target.Adapter];
                foreach (var target in order)
                {
                    if (!stack.UnderFunctionsHost) await stack.FreshAzuriteAsync();
                    GC.Collect();
                    await Task.Delay(500);
                    var result = await RunOneAsync(ClientFor(target), shape, target, c, maxRequests, maxDuration);
                    var row = new Row(shape, target, c, result);
                    rows.Add(row);
                    Console.WriteLine(row);
                    foreach (var (q, ms) in QuantilePoints(result.Latencies)) quantiles.Add([shape, target, c, q, ms]);
                }
            }
        }

        adapterClient.Dispose();
        var name = stack.UnderFunctionsHost ? "host-ingest" : "ingest";
        Evidence.Csv(name, ["shape", "target", "concurrency", "requests", "ok", "errors", "seconds", "rps", "p50_ms", "p95_ms", "p99_ms", "max_ms"],
            rows.Select(r => new object?[] { r.Shape, r.Target, r.Concurrency, r.Result.Requests, r.Result.Ok, r.Result.Errors, r.Result.Elapsed.TotalSeconds,
                r.Result.OkPerSecond, r.Result.Latencies.P50, r.Result.Latencies.P95, r.Result.Latencies.P99, r.Result.Latencies.Max }));
        Evidence.Csv(name + "-latency-quantiles", ["shape", "target", "concurrency", "quantile", "ms"], quantiles);
        Evidence.Markdown(name, Table(rows));
        Console.WriteLine(Table(rows));
    }

    internal enum Target
    {
        Adapter,
        RawEnqueue,
    }

    private sealed record Row(Shape Shape, Target Target, int Concurrency, RunResult Result)
    {
        public override string ToString() =>
            $"{Shape,-9} {Target,-10} c={Concurrency,-3} {Result.Ok}/{Result.Requests} ok in {Result.Elapsed.TotalSeconds:F1} s = {Result.OkPerSecond:F0}/s  " +
            $"p50 {Result.Latencies.P50:F1} p95 {Result.Latencies.P95:F1} p99 {Result.Latencies.P99:F1} ms  [{Result.StatusSummary}]";
    }

    private static Task<RunResult> RunOneAsync(HttpClient client, Shape shape, Target target, int concurrency, int maxRequests, TimeSpan maxDuration)
    {
        var tag = Payloads.NewRunTag();
        var uri = new Uri(target == Target.Adapter ? "api/interview-alerts" : "api/_baseline/raw-enqueue", UriKind.Relative);
        return LoadGenerator.RunAsync(client, concurrency, maxRequests, maxDuration,
            i => new LoadRequest(HttpMethod.Post, uri, Payloads.Body(shape, tag, i), Payloads.ContentType(shape), Payloads.Authorization(shape)),
            sent => target == Target.RawEnqueue ? sent.Status == 202
                : shape == Shape.Native ? sent.Status == 202 : sent.Status == 200 && Payloads.IsBrassRingAccepted(sent.Answer));
    }

    /// <summary>Quantiles every 0.5 % plus the far tail, for CDF plots without storing every sample.</summary>
    private static IEnumerable<(double Q, double Ms)> QuantilePoints(Latencies latencies)
    {
        var qs = Enumerable.Range(0, 200).Select(i => i * 0.5).Concat(Enumerable.Range(1, 9).Select(i => 99 + (i / 10.0))).Append(100.0).Distinct().Order();
        return qs.Select(q => (q, q == 0 ? latencies.Sorted.FirstOrDefault() : latencies.Percentile(q)));
    }

    private static string Table(List<Row> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| shape | concurrency | adapter req/s | raw-enqueue req/s | throughput ratio (target ≥ 0.70) | adapter p50 / p95 / p99 ms | raw-enqueue p50 / p95 / p99 ms | p99 ratio (target ≤ 1.5) |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in rows.GroupBy(r => (r.Shape, r.Concurrency)))
        {
            var a = group.Single(r => r.Target == Target.Adapter).Result;
            var b = group.Single(r => r.Target == Target.RawEnqueue).Result;
            var ratio = a.OkPerSecond / b.OkPerSecond;
            var p99 = a.Latencies.P99 / b.Latencies.P99;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {group.Key.Shape} | {group.Key.Concurrency} | {a.OkPerSecond:F0} | {b.OkPerSecond:F0} | {ratio:F2} {(ratio >= 0.70 ? "✅" : "❌")} | " +
                $"{a.Latencies.P50:F1} / {a.Latencies.P95:F1} / {a.Latencies.P99:F1} | {b.Latencies.P50:F1} / {b.Latencies.P95:F1} / {b.Latencies.P99:F1} | {p99:F2} {(p99 <= 1.5 ? "✅" : "❌")} |");
        }

        return text.ToString();
    }
}
