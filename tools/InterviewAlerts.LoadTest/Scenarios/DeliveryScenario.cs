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
/// busy) and calls the production <see cref="DeliveryProcessor"/> the same way the queue function does.
/// </summary>
internal static class DeliveryScenario
{
    public static async Task RunAsync(bool quick)
    {
        await using var stack = await Stack.StartAsync("delivery");
        await stack.PauseDeliveryAsync();
        var pumpConcurrency = stack.Adapter.Services.GetRequiredService<QueueHostSettings>().MaxConcurrency;
        using var adapter = new HttpClient(Stack.LoopbackHandler(32)) { BaseAddress = stack.AdapterUrl, Timeout = TimeSpan.FromSeconds(30) };
        using var direct = new HttpClient(Stack.LoopbackHandler(pumpConcurrency)) { BaseAddress = stack.SandboxUrl, Timeout = TimeSpan.FromSeconds(30) };

        var rows = new List<Row>();
        var settings = stack.Adapter.Services.GetRequiredService<QueueHostSettings>();
        foreach (var (latency, driver) in new[] { (0, Driver.RunnerPump), (0, Driver.HostLikeListener), (300, Driver.RunnerPump), (300, Driver.HostLikeListener) })
        {
            var n = quick ? 200 : latency == 0 ? 3000 : 1500;
            await stack.FreshAzuriteAsync();
            var tag = Payloads.NewRunTag();
            var ingested = await LoadGenerator.RunAsync(adapter, 16, n, TimeSpan.FromSeconds(120),
                i => new LoadRequest(HttpMethod.Post, new Uri("api/interview-alerts", UriKind.Relative), Payloads.Native(tag, i), Payloads.NativeContentType),
                s => s.Status == 202);
            if (ingested.Ok != n) throw new InvalidOperationException($"Only {ingested.Ok} of {n} ingested ({ingested.StatusSummary}).");

            await stack.SetLatencyAsync(latency);
            await stack.ClearSandboxRequestsAsync();
            var tokensBefore = await stack.TokensIssuedAsync();
            var started = DateTimeOffset.UtcNow;
            if (driver == Driver.RunnerPump)
            {
                await stack.ResumeDeliveryAsync();
                var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
                while (await stack.AlertsReceivedAsync() < n && DateTime.UtcNow < deadline) await Task.Delay(50);
            }
            else
            {
                await HostLikeDrainAsync(stack, settings, n, TimeSpan.FromMinutes(3));
            }

            var drained = DateTimeOffset.UtcNow - started;
            if (driver == Driver.RunnerPump) await stack.PauseDeliveryAsync();
            var records = await stack.SandboxRequestsAsync();
            var tokens = await stack.TokensIssuedAsync() - tokensBefore;
            var delivered = records.Where(r => r.Status == 200).Select(r => r.TrackingId).Distinct().Count();
            var first = records.Min(r => r.ReceivedAt);
            var last = records.Max(r => r.ReceivedAt);

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
                (n - 1) / Math.Max(0.001, (last - first).TotalSeconds), raw.OkPerSecond, raw.Ok, tokens);
            rows.Add(row);
            Console.WriteLine(row);
        }

        Evidence.Csv("delivery", ["paradox_latency_ms", "driver", "messages", "concurrency", "delivered", "drain_seconds", "drain_per_s", "steady_per_s", "sandbox_raw_per_s", "sandbox_raw_ok", "token_requests"],
            rows.Select(r => new object?[] { r.LatencyMs, r.Driver, r.Messages, r.Concurrency, r.Delivered, r.DrainSeconds, r.DrainPerSecond, r.SteadyPerSecond, r.RawPerSecond, r.RawOk, r.TokenRequests }));
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

    private enum Driver
    {
        RunnerPump,
        HostLikeListener,
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
        double SteadyPerSecond, double RawPerSecond, int RawOk, int TokenRequests)
    {
        public override string ToString() =>
            $"latency {LatencyMs} ms, {Driver}: {Delivered}/{Messages} delivered in {DrainSeconds:F1} s = {DrainPerSecond:F0}/s (steady {SteadyPerSecond:F0}/s); " +
            $"sandbox raw {RawPerSecond:F0}/s ({RawOk} ok) at c={Concurrency}; tokens {TokenRequests}";
    }
}
