using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using InterviewAlerts.Core.Storage;
using InterviewAlerts.IntegrationTests.Infrastructure;
using InterviewAlerts.LoadTest.Baselines;
using InterviewAlerts.LoadTest.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Paradox.Sandbox;

namespace InterviewAlerts.LoadTest.Scenarios;

/// <summary>
/// Ingest of several builds side by side, each in a process of its own, beside ingest's two storage calls alone (the
/// record transaction, then the queue message: <see cref="BaselineEndpoints.RecordThenEnqueuePath"/>, served by this
/// tool in a process of its own on this checkout's local runner). Closed loop at concurrency 1, 16 and 64, native JSON
/// and BrassRing XML, repeated; within a repetition the targets take turns in a rotating order, and every run starts on
/// an empty Azurite (restarted on the same ports), so a drift of the machine or of the emulator favours no one.
/// The delivery function is off in every process: the ingest path is measured alone.
/// </summary>
internal static class CompareScenario
{
    public const string StorageCallsLabel = "storage-calls";

    private static readonly int[] Concurrency = [1, 16, 64];

    /// <param name="targets">The builds to compare (runner or host kind).</param>
    /// <param name="legacyCallers">Labels of targets that predate named callers: configured with <c>BrassRing__CallerSecrets__&lt;user&gt;</c>.</param>
    public static async Task RunAsync(IReadOnlyList<AdapterTarget> targets, IReadOnlyCollection<string> legacyCallers, string? functionsHost, int repetitions, bool quick)
    {
        var sandbox = SandboxApp.Create(["--urls", "http://127.0.0.1:0"], b => b.Logging.ClearProviders());
        await sandbox.StartAsync();
        var sandboxUrl = sandbox.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        await using var azurite = new AzuriteProcess();
        await azurite.StartAsync();

        var all = targets.Append(new AdapterTarget(StorageCallsLabel, AdapterKind.Baselines, typeof(CompareScenario).Assembly.Location)).ToList();
        var processes = new List<(AdapterTarget Target, AdapterProcess Process)>();
        var rows = new List<Row>();
        try
        {
            foreach (var target in all)
            {
                var settings = Settings(target, legacyCallers.Contains(target.Label), azurite.ConnectionString, sandboxUrl);
                processes.Add((target, await AdapterProcess.StartAsync(target, functionsHost, settings, $"compare-{target.Label}")));
                Console.WriteLine($"{target.Label}: {target.Kind} {target.Path}");
            }

            using var client = new HttpClient(Stack.LoopbackHandler(128)) { Timeout = TimeSpan.FromSeconds(30) };
            foreach (var (target, process) in processes)
            {
                foreach (var shape in new[] { Shape.Native, Shape.BrassRing })
                {
                    var warm = await RunOneAsync(client, process, target, shape, 8, quick ? 100 : 500, TimeSpan.FromSeconds(30));
                    Console.WriteLine($"warm-up {target.Label} {shape}: {warm.Ok}/{warm.Requests} ok ({warm.StatusSummary})");
                    if (warm.Ok < warm.Requests) throw new InvalidOperationException($"Warm-up of {target.Label} {shape} failed: {warm.StatusSummary}; see {Evidence.ArtifactsDirectory}");
                }
            }

            var turn = 0;
            for (var repetition = 1; repetition <= repetitions; repetition++)
            {
                foreach (var c in Concurrency)
                {
                    foreach (var shape in new[] { Shape.Native, Shape.BrassRing })
                    {
                        var order = Enumerable.Range(0, processes.Count).Select(i => processes[(i + turn) % processes.Count]).ToList();
                        turn++;
                        foreach (var (target, process) in order)
                        {
                            await FreshAzuriteAsync(azurite);
                            // A short unreported warm-up at the run's concurrency: the process's storage connections were
                            // reset with Azurite, and opening them is not what is measured.
                            await RunOneAsync(client, process, target, shape, c, Math.Max(100, 4 * c), TimeSpan.FromSeconds(10));
                            GC.Collect();
                            var (targetCpu, azuriteCpu) = (ProcessCpu.Seconds(process.ProcessId), AzuriteCpu(azurite));
                            var result = await RunOneAsync(client, process, target, shape, c, quick ? 300 : c == 1 ? 1000 : 3000, TimeSpan.FromSeconds(quick ? 5 : 10));
                            var perRequest = 1000.0 / Math.Max(1, result.Ok);
                            var row = new Row(repetition, target.Label, shape, c, result,
                                (ProcessCpu.Seconds(process.ProcessId) - targetCpu) * perRequest, (AzuriteCpu(azurite) - azuriteCpu) * perRequest);
                            rows.Add(row);
                            Console.WriteLine(row);
                        }
                    }
                }
            }
        }
        finally
        {
            foreach (var (_, process) in processes) await process.DisposeAsync();
            await sandbox.StopAsync();
            await sandbox.DisposeAsync();
        }

        Evidence.Csv("compare", ["repetition", "target", "shape", "concurrency", "requests", "ok", "seconds", "rps", "p50_ms", "p95_ms", "p99_ms", "max_ms", "cpu_ms_per_request", "azurite_cpu_ms_per_request"],
            rows.Select(r => new object?[] { r.Repetition, r.Target, r.Shape, r.Concurrency, r.Result.Requests, r.Result.Ok, r.Result.Elapsed.TotalSeconds,
                r.Result.OkPerSecond, r.Result.Latencies.P50, r.Result.Latencies.P95, r.Result.Latencies.P99, r.Result.Latencies.Max, r.CpuMs, r.AzuriteCpuMs }));
        var summary = Summary(rows, targets.Select(t => t.Label).ToList());
        Evidence.Markdown("compare", summary);
        Console.WriteLine(summary);
    }

    private static Dictionary<string, string> Settings(AdapterTarget target, bool legacyCallers, string storage, string sandboxUrl)
    {
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = storage,
            ["Paradox__BaseUrl"] = sandboxUrl,
            ["Paradox__AccountId"] = "sandbox-account",
            ["Paradox__Secret"] = "sandbox-secret",
            ["AzureWebJobs.DeliverInterviewAlert.Disabled"] = "true",
            ["LocalRunner__DisableQueueTriggers"] = "true",
            ["BrassRing__MappingsFile"] = MappingsFileOf(target),
        };
        if (legacyCallers)
        {
            // Before named callers: a BrassRing user and its password; native JSON needed no credentials.
            settings[$"BrassRing__CallerSecrets__{Stack.BrassRingUser}"] = Stack.BrassRingPassword;
        }
        else
        {
            settings[$"Callers__{Stack.BrassRingUser}__Shapes"] = "BrassRing";
            settings[$"Callers__{Stack.BrassRingUser}__ClientIds__0"] = "31207";
            settings[$"Callers__{Stack.BrassRingUser}__Secret"] = Stack.BrassRingPassword;
            foreach (var (key, value) in AdapterProcess.CallerSettings) settings[key] = value;
        }

        return settings;
    }

    /// <summary>The sample BrassRing mapping file of the checkout the target was built from (its folder or a parent's config/).</summary>
    private static string MappingsFileOf(AdapterTarget target)
    {
        var folder = target.Kind == AdapterKind.FunctionsHost ? target.Path : Path.GetDirectoryName(target.Path);
        for (var dir = folder is null ? null : new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "config", "brassring-mappings.sample.json");
            if (File.Exists(file)) return file;
        }

        return Path.Combine(RepositoryRoot.Path, "config", "brassring-mappings.sample.json");
    }

    private static async Task FreshAzuriteAsync(AzuriteProcess azurite)
    {
        await azurite.StopGracefullyAsync(TimeSpan.FromSeconds(10));
        await azurite.StartAsync();
        await new TableServiceClient(azurite.ConnectionString).CreateTableIfNotExistsAsync(StorageNames.RecordsTable);
        var queues = new QueueServiceClient(azurite.ConnectionString);
        foreach (var name in new[] { StorageNames.DeliveryQueue, StorageNames.PoisonQueue, BaselineEndpoints.RecordQueueName })
        {
            await queues.GetQueueClient(name).CreateIfNotExistsAsync();
        }

        var blobs = new BlobServiceClient(azurite.ConnectionString);
        await blobs.GetBlobContainerClient(StorageNames.PayloadContainer).CreateIfNotExistsAsync();
        await blobs.GetBlobContainerClient(StorageNames.DeadLetterContainer).CreateIfNotExistsAsync();
    }

    private static Task<RunResult> RunOneAsync(HttpClient client, AdapterProcess process, AdapterTarget target, Shape shape, int concurrency, int maxRequests, TimeSpan maxDuration)
    {
        var tag = Payloads.NewRunTag();
        var baseline = target.Kind == AdapterKind.Baselines;
        var uri = new Uri(process.BaseUrl, baseline ? BaselineEndpoints.RecordThenEnqueuePath.TrimStart('/') : "api/interview-alerts");
        // Every target gets the same bytes and headers; a build before named callers ignores the native caller's.
        var authorization = shape == Shape.Native ? AdapterProcess.CallerAuthorization : Payloads.BrassRingAuthorization;
        return LoadGenerator.RunAsync(client, concurrency, maxRequests, maxDuration,
            i => new LoadRequest(HttpMethod.Post, uri, Payloads.Body(shape, tag, i), Payloads.ContentType(shape), authorization),
            sent => baseline || shape == Shape.Native ? sent.Status == 202 : sent.Status == 200 && Payloads.IsBrassRingAccepted(sent.Answer));
    }

    /// <summary>CPU time of the emulator's process tree, in seconds (0 before it has started).</summary>
    private static double AzuriteCpu(AzuriteProcess azurite) => azurite.ProcessId is { } pid ? ProcessCpu.Seconds(pid) : 0;

    /// <param name="CpuMs">CPU milliseconds per acknowledged request in the target's process tree (for the storage-calls
    /// baseline, the load tool's own process, which also generates the load).</param>
    /// <param name="AzuriteCpuMs">The same for the emulator.</param>
    private sealed record Row(int Repetition, string Target, Shape Shape, int Concurrency, RunResult Result, double CpuMs, double AzuriteCpuMs)
    {
        public override string ToString() =>
            $"#{Repetition} {Target,-14} {Shape,-9} c={Concurrency,-3} {Result.Ok}/{Result.Requests} ok in {Result.Elapsed.TotalSeconds:F1} s = {Result.OkPerSecond:F0}/s  " +
            $"p50 {Result.Latencies.P50:F2} p95 {Result.Latencies.P95:F2} p99 {Result.Latencies.P99:F2} ms  CPU {CpuMs:F2} ms + Azurite {AzuriteCpuMs:F2} ms per request  [{Result.StatusSummary}]";
    }

    /// <summary>Medians over the repetitions with their range; ratios of the medians.</summary>
    private static string Summary(List<Row> rows, List<string> builds)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        string Cell(IReadOnlyList<double> values, string format) =>
            string.Create(CultureInfo.InvariantCulture, $"{Median(values).ToString(format, CultureInfo.InvariantCulture)} ({values.Min().ToString(format, CultureInfo.InvariantCulture)}–{values.Max().ToString(format, CultureInfo.InvariantCulture)})");

        var labels = builds.Append(StorageCallsLabel).ToList();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Medians over {rows.Max(r => r.Repetition)} repetitions, (min–max) beside them.");
        text.AppendLine();
        text.Append("| shape | c |");
        foreach (var label in labels) text.Append(CultureInfo.InvariantCulture, $" {label} req/s | {label} p99 ms |");
        text.AppendLine();
        text.Append("|---|---:|").Append(string.Concat(Enumerable.Repeat("---:|---:|", labels.Count))).AppendLine();
        foreach (var group in rows.GroupBy(r => (r.Shape, r.Concurrency)))
        {
            text.Append(CultureInfo.InvariantCulture, $"| {group.Key.Shape} | {group.Key.Concurrency} |");
            foreach (var label in labels)
            {
                var of = group.Where(r => r.Target == label).Select(r => r.Result).ToList();
                text.Append(CultureInfo.InvariantCulture, $" {Cell(of.Select(r => r.OkPerSecond).ToList(), "F0")} | {Cell(of.Select(r => r.Latencies.P99).ToList(), "F1")} |");
            }

            text.AppendLine();
        }

        text.AppendLine();
        text.AppendLine("CPU milliseconds per acknowledged request, medians: the target's process tree / Azurite (the storage-calls baseline runs in the load tool's process, whose CPU also generates the load of every target).");
        text.AppendLine();
        text.Append("| shape | c |").Append(string.Concat(labels.Select(l => $" {l} |"))).AppendLine();
        text.Append("|---|---:|").Append(string.Concat(Enumerable.Repeat("---:|", labels.Count))).AppendLine();
        foreach (var group in rows.GroupBy(r => (r.Shape, r.Concurrency)))
        {
            text.Append(CultureInfo.InvariantCulture, $"| {group.Key.Shape} | {group.Key.Concurrency} |");
            foreach (var label in labels)
            {
                var of = group.Where(r => r.Target == label).ToList();
                text.Append(CultureInfo.InvariantCulture, $" {Median(of.Select(r => r.CpuMs)):F2} / {Median(of.Select(r => r.AzuriteCpuMs)):F2} |");
            }

            text.AppendLine();
        }

        text.AppendLine();
        text.AppendLine("| shape | c | build | throughput ÷ first build | p99 ÷ first build | throughput ÷ storage calls | p99 ÷ storage calls |");
        text.AppendLine("|---|---:|---|---:|---:|---:|---:|");
        foreach (var group in rows.GroupBy(r => (r.Shape, r.Concurrency)))
        {
            double Rps(string label) => Median(group.Where(r => r.Target == label).Select(r => r.Result.OkPerSecond));
            double P99(string label) => Median(group.Where(r => r.Target == label).Select(r => r.Result.Latencies.P99));
            foreach (var build in builds)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {group.Key.Shape} | {group.Key.Concurrency} | {build} | {Rps(build) / Rps(builds[0]):F3} | {P99(build) / P99(builds[0]):F3} | {Rps(build) / Rps(StorageCallsLabel):F3} | {P99(build) / P99(StorageCallsLabel):F3} |");
            }
        }

        return text.ToString();
    }
}
