using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using InterviewAlerts.Core.Delivery;
using InterviewAlerts.Core.Storage;
using InterviewAlerts.LoadTest.Infrastructure;
using InterviewAlerts.LocalRunner.Triggers;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewAlerts.LoadTest.Scenarios;

/// <summary>
/// (b) Delivery: N requests are ingested with the delivery pump paused, then the pump is started and the time until
/// the sandbox has all N is measured. Beside it, the sandbox's raw capacity: direct token + PUT calls at the pump's
/// concurrency (host.json batchSize + newBatchThreshold). Token requests are read from /sandbox/stats.
/// Done with the sandbox answering at once and with a 300 ms latency, and each time driven two ways: by the local
/// runner's queue pump (QueueTriggerPump), and by a listener in this harness that follows the Functions host's
/// documented batching (a new batch of batchSize whenever in-flight drops to newBatchThreshold, no sleeping while
/// busy) and calls the production <see cref="DeliveryProcessor"/> the same way the queue function does. Given a
/// Functions host, the published app's queue function under that host drains instead, with Paradox at 300 and 50 ms.
/// </summary>
internal static class DeliveryScenario
{
    public static async Task RunAsync(bool quick, FunctionsHostRun? host = null, int repeat = 1)
    {
        await using var stack = await Stack.StartAsync("delivery", host: host);
        await stack.PauseDeliveryAsync();
        var settings = stack.Adapter.Services.GetRequiredService<QueueHostSettings>();
        // The most Paradox calls the adapter makes at once: its messages in flight, bounded by the Paradox gate.
        var pumpConcurrency = Math.Min(settings.MaxConcurrency, stack.Adapter.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DeliveryOptions>>().Value.MaxConcurrentParadoxCalls);
        using var direct = new HttpClient(Stack.LoopbackHandler(pumpConcurrency)) { BaseAddress = stack.SandboxUrl, Timeout = TimeSpan.FromSeconds(30) };

        // Under the Functions host: its own queue listener, Paradox at 300 and 50 ms, each repeated; the requests are
        // ingested through the host with the queue function off, then the host is started again with it on.
        var cases = stack.UnderFunctionsHost
            ? Enumerable.Range(0, repeat).SelectMany(_ => new[] { (300, Driver.FunctionsHost), (50, Driver.FunctionsHost) }).ToArray()
            : [(0, Driver.RunnerPump), (0, Driver.HostLikeListener), (300, Driver.RunnerPump), (300, Driver.HostLikeListener)];
        var rows = new List<Row>();
        foreach (var (latency, driver) in cases)
        {
            var n = quick ? 200 : driver == Driver.FunctionsHost ? 300 : latency == 0 ? 3000 : 1500;
            await stack.FreshAzuriteAsync();
            if (driver == Driver.FunctionsHost) await stack.StartFunctionsHostAsync(delivery: false);
            using var adapter = stack.AdapterClient(32);
            var tag = Payloads.NewRunTag();
            var storageBefore = stack.StorageRequests.Total;
            var ingested = await LoadGenerator.RunAsync(adapter, 16, n, TimeSpan.FromSeconds(120),
                i => new LoadRequest(HttpMethod.Post, new Uri("api/interview-alerts", UriKind.Relative), Payloads.Native(tag, i), Payloads.NativeContentType),
                s => s.Status == 202);
            var ingestStorage = stack.StorageRequests.Total - storageBefore;
            if (ingested.Ok != n) throw new InvalidOperationException($"Only {ingested.Ok} of {n} ingested ({ingested.StatusSummary}).");

            await stack.SetLatencyAsync(latency);
            await stack.ClearSandboxRequestsAsync();
            var tokensBefore = await stack.TokensIssuedAsync();
            double hostCpuPerMessage = double.NaN, azuriteCpuPerMessage = double.NaN;
            var started = DateTimeOffset.UtcNow;
            var azuriteCpu = stack.Azurite.ProcessId is int azuritePid ? ProcessCpu.Seconds(azuritePid) : 0;
            if (driver == Driver.HostLikeListener)
            {
                await HostLikeDrainAsync(stack, settings, n, TimeSpan.FromMinutes(3));
            }
            else
            {
                await stack.ResumeDeliveryAsync();
                if (stack.Azurite.ProcessId is int pid) azuriteCpu = ProcessCpu.Seconds(pid); // from the host being up
                var hostCpu = stack.HostAdapter is { } h ? ProcessCpu.Seconds(h.ProcessId) : 0;
                var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
                while ((await stack.SandboxRequestsAsync()).Count(r => r.Body.Contains(tag, StringComparison.Ordinal)) < n && DateTime.UtcNow < deadline) await Task.Delay(200);
                if (stack.HostAdapter is { } done) hostCpuPerMessage = (ProcessCpu.Seconds(done.ProcessId) - hostCpu) * 1000 / n;
            }

            if (stack.Azurite.ProcessId is int azurite) azuriteCpuPerMessage = (ProcessCpu.Seconds(azurite) - azuriteCpu) * 1000 / n;

            var drained = DateTimeOffset.UtcNow - started;
            if (driver != Driver.HostLikeListener) await stack.PauseDeliveryAsync();
            var records = (await stack.SandboxRequestsAsync()).Where(r => r.Body.Contains(tag, StringComparison.Ordinal)).ToList();
            var tokens = await stack.TokensIssuedAsync() - tokensBefore;
            var delivered = records.Where(r => r.Status == 200).Select(r => r.TrackingId).Distinct().Count();
            // The steady rate: the middle 80 % of arrivals over their time, without the start (a host's first runs pay
            // for JIT and connections) and the tail (the last batch, not refilled).
            var arrivals = records.Select(r => r.ReceivedAt).Order().ToList();
            var first = arrivals[arrivals.Count / 10];
            var last = arrivals[(arrivals.Count * 9 / 10) - 1];
            var middle = (arrivals.Count * 9 / 10) - 1 - (arrivals.Count / 10);

            // Raw capacity: what the sandbox takes from a client that only does token + PUT, at the same concurrency.
            await stack.ClearSandboxRequestsAsync();
            var token = await TokenAsync(direct);
            var rawTag = Payloads.NewRunTag();
            var raw = await LoadGenerator.RunAsync(direct, pumpConcurrency, n, TimeSpan.FromSeconds(120),
                i => new LoadRequest(HttpMethod.Put, new Uri("api/v1/public/interview/interview_alerts", UriKind.Relative), Payloads.ParadoxBody(rawTag, i),
                    "application/json", "Bearer " + token),
                s => s.Status == 200);
            await stack.ClearSandboxRequestsAsync();
            await stack.SetLatencyAsync(0);

            var row = new Row(latency, driver, n, pumpConcurrency, delivered, drained.TotalSeconds, n / drained.TotalSeconds,
                middle / Math.Max(0.001, (last - first).TotalSeconds), raw.OkPerSecond, raw.Ok, tokens, (double)ingestStorage / n, hostCpuPerMessage, azuriteCpuPerMessage, LoadAverage());
            rows.Add(row);
            Console.WriteLine(row);
        }

        var name = stack.UnderFunctionsHost ? "host-delivery" : "delivery";
        Evidence.Csv(name, ["paradox_latency_ms", "driver", "messages", "concurrency", "delivered", "drain_seconds", "drain_per_s", "steady_per_s", "sandbox_raw_per_s", "sandbox_raw_ok", "token_requests", "ingest_storage_per_request", "host_cpu_ms_per_delivery", "azurite_cpu_ms_per_delivery", "load_average_1m"],
            rows.Select(r => new object?[] { r.LatencyMs, r.Driver, r.Messages, r.Concurrency, r.Delivered, r.DrainSeconds, r.DrainPerSecond, r.SteadyPerSecond, r.RawPerSecond, r.RawOk, r.TokenRequests, r.IngestStoragePerRequest, r.HostCpuMsPerMessage, r.AzuriteCpuMsPerMessage, r.LoadAverage }));
        if (stack.UnderFunctionsHost)
        {
            var summary = HostTable(rows);
            Evidence.Markdown(name, summary);
            Console.WriteLine(summary);
            return;
        }

        var text = new StringBuilder();
        text.AppendLine("| sandbox latency | queue driver | messages | concurrency | delivered | drain time s | adapter drain msg/s | sandbox raw capacity req/s | ratio (target ≥ 0.80) | token requests during drain (target ≤ 1 per lifetime) |");
        text.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            var ratio = r.DrainPerSecond / r.RawPerSecond;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.LatencyMs} ms | {(r.Driver == Driver.RunnerPump ? "local runner's pump" : "host-like listener")} | {r.Messages} | {r.Concurrency} | {r.Delivered} | {r.DrainSeconds:F1} | {r.DrainPerSecond:F0} | {r.RawPerSecond:F0} | {ratio:F2} {(ratio >= 0.8 ? "✅" : "❌")} | {r.TokenRequests} {(r.TokenRequests <= 1 ? "✅" : "❌")} |");
        }

        Evidence.Markdown("delivery", text.ToString());
        Console.WriteLine(text);
    }

    private static async Task<string> TokenAsync(HttpClient sandbox)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "sandbox-account", ["client_secret"] = "sandbox-secret",
        });
        using var response = await sandbox.PostAsync(new Uri("api/v1/public/auth/token", UriKind.Relative), form);
        response.EnsureSuccessStatusCode();
        using var answer = await response.Content.ReadFromJsonAsync<JsonDocument>();
        return answer!.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>
    /// Under the Functions host the drain includes the host's start-up, so the rate compared is the steady one: the
    /// requests from the first to the last arrival at the sandbox, over that time.
    /// </summary>
    private static string HostTable(List<Row> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| Paradox latency | runs | messages | max concurrency | delivered | adapter delivered/s (steady) | sandbox raw capacity req/s | ratio (target ≥ 0.85) | token requests per drain | CPU ms per delivery: host + worker / Azurite | load average |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in rows.GroupBy(r => r.LatencyMs))
        {
            var ratios = group.Select(r => r.SteadyPerSecond / r.RawPerSecond).ToList();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {group.Key} ms | {group.Count()} | {group.First().Messages} | {group.First().Concurrency} | {string.Join(" / ", group.Select(r => r.Delivered))} | " +
                $"{string.Join(" / ", group.Select(r => r.SteadyPerSecond.ToString("F1", CultureInfo.InvariantCulture)))} | " +
                $"{string.Join(" / ", group.Select(r => r.RawPerSecond.ToString("F1", CultureInfo.InvariantCulture)))} | " +
                $"{ratios.Min():F2}–{ratios.Max():F2} {(ratios.Min() >= 0.85 ? "✅" : "❌")} | {string.Join(" / ", group.Select(r => r.TokenRequests))} | " +
                $"{string.Join(" / ", group.Select(r => $"{r.HostCpuMsPerMessage:F0}/{r.AzuriteCpuMsPerMessage:F0}"))} | {string.Join(" / ", group.Select(r => r.LoadAverage.ToString("F0", CultureInfo.InvariantCulture)))} |");
        }

        return text.ToString();
    }

    /// <summary>The machine's 1-minute load average (shared machine: how many runnable tasks competed for its cores).</summary>
    internal static double LoadAverage() =>
        File.Exists("/proc/loadavg") ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture) : double.NaN;

    private enum Driver
    {
        RunnerPump,
        HostLikeListener,
        FunctionsHost,
    }

    /// <summary>
    /// Feeds the production DeliveryProcessor like the Functions host's queue listener: up to batchSize messages per
    /// receive, a new receive as soon as in-flight is at most newBatchThreshold, backoff only when the queue is empty.
    /// Ends when <paramref name="expected"/> messages were delivered or after <paramref name="bound"/>.
    /// </summary>
    private static async Task HostLikeDrainAsync(Stack stack, QueueHostSettings settings, int expected, TimeSpan bound)
    {
        var processor = stack.Adapter.Services.GetRequiredService<DeliveryProcessor>();
        var queue = stack.Adapter.Services.GetRequiredService<QueueServiceClient>().GetQueueClient(StorageNames.DeliveryQueue);
        using var completed = new SemaphoreSlim(0);
        var inFlight = 0;
        var delivered = 0;
        var running = new List<Task>();
        var outcomes = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var idle = TimeSpan.FromMilliseconds(100);
        while (Volatile.Read(ref delivered) < expected && clock.Elapsed < bound)
        {
            if (Volatile.Read(ref inFlight) > settings.NewBatchThreshold)
            {
                await completed.WaitAsync(TimeSpan.FromMilliseconds(100));
                continue;
            }

            var batch = (await queue.ReceiveMessagesAsync(settings.BatchSize, TimeSpan.FromMinutes(5))).Value;
            if (batch.Length == 0)
            {
                await Task.Delay(idle);
                idle = TimeSpan.FromMilliseconds(Math.Min(idle.TotalMilliseconds * 2, settings.MaxPollingInterval.TotalMilliseconds));
                continue;
            }

            idle = TimeSpan.FromMilliseconds(100);
            foreach (var message in batch)
            {
                Interlocked.Increment(ref inFlight);
                running.Add(Task.Run(async () =>
                {
                    try
                    {
                        var result = await processor.ProcessAsync(message.Body.ToString(), CancellationToken.None);
                        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                        outcomes.AddOrUpdate(result.ToString(), 1, (_, n) => n + 1);
                        if (result == DeliveryResult.Delivered) Interlocked.Increment(ref delivered);
                    }
                    catch (Exception ex)
                    {
                        // As the host does after a failed run: the message comes back after host.json's visibilityTimeout.
                        outcomes.AddOrUpdate("failed: " + ex.GetType().Name + " " + ex.Message[..Math.Min(120, ex.Message.Length)], 1, (_, n) => n + 1);
                        try
                        {
                            await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: settings.VisibilityTimeout);
                        }
                        catch (Azure.RequestFailedException)
                        {
                            // It reappears when its receive visibility ends.
                        }
                    }
                    finally
                    {
                        Interlocked.Decrement(ref inFlight);
                        completed.Release();
                    }
                }));
            }
        }

        await Task.WhenAll(running);
        Console.WriteLine("host-like listener outcomes: " + string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} x{o.Value}")));
    }

    private sealed record Row(int LatencyMs, Driver Driver, int Messages, int Concurrency, int Delivered, double DrainSeconds, double DrainPerSecond,
        double SteadyPerSecond, double RawPerSecond, int RawOk, int TokenRequests, double IngestStoragePerRequest,
        double HostCpuMsPerMessage, double AzuriteCpuMsPerMessage, double LoadAverage)
    {
        public override string ToString() =>
            $"latency {LatencyMs} ms, {Driver}: {Delivered}/{Messages} delivered in {DrainSeconds:F1} s = {DrainPerSecond:F0}/s (steady {SteadyPerSecond:F0}/s); " +
            $"sandbox raw {RawPerSecond:F0}/s ({RawOk} ok) at c={Concurrency}; tokens {TokenRequests}; storage requests per ingest {IngestStoragePerRequest:F2}; " +
            $"CPU per delivery: host + worker {HostCpuMsPerMessage:F1} ms, Azurite {AzuriteCpuMsPerMessage:F1} ms; load average {LoadAverage:F1}";
    }
}
