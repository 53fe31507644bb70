using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InterviewAlerts.LoadTest.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewAlerts.LoadTest.Scenarios;

/// <summary>
/// (b) Delivery: N requests are ingested with the delivery pump paused, then the pump is started and the time until
/// the sandbox has all N is measured. Beside it, the sandbox's raw capacity: direct token + PUT calls at the pump's
/// concurrency (host.json batchSize + newBatchThreshold). Token requests are read from /sandbox/stats.
/// Done with the sandbox answering at once and with a 300 ms latency.
/// </summary>
internal static class DeliveryScenario
{
    public static async Task RunAsync(bool quick)
    {
        await using var stack = await Stack.StartAsync("delivery");
        await stack.PauseDeliveryAsync();
        var pumpConcurrency = stack.Adapter.Services.GetRequiredService<InterviewAlerts.LocalRunner.Triggers.QueueHostSettings>().MaxConcurrency;
        using var adapter = new HttpClient(Stack.LoopbackHandler(32)) { BaseAddress = stack.AdapterUrl, Timeout = TimeSpan.FromSeconds(30) };
        using var direct = new HttpClient(Stack.LoopbackHandler(pumpConcurrency)) { BaseAddress = stack.SandboxUrl, Timeout = TimeSpan.FromSeconds(30) };

        var rows = new List<Row>();
        foreach (var latency in new[] { 0, 300 })
        {
            var n = quick ? 200 : latency == 0 ? 3000 : 1500;
            var tag = Payloads.NewRunTag();
            var ingested = await LoadGenerator.RunAsync(adapter, 16, n, TimeSpan.FromSeconds(120),
                i => new LoadRequest(HttpMethod.Post, new Uri("api/interview-alerts", UriKind.Relative), Payloads.Native(tag, i), Payloads.NativeContentType),
                s => s.Status == 202);
            if (ingested.Ok != n) throw new InvalidOperationException($"Only {ingested.Ok} of {n} ingested ({ingested.StatusSummary}).");

            await stack.SetLatencyAsync(latency);
            await stack.ClearSandboxRequestsAsync();
            var tokensBefore = await stack.TokensIssuedAsync();
            var started = DateTimeOffset.UtcNow;
            await stack.ResumeDeliveryAsync();
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
            while (await stack.AlertsReceivedAsync() < n && DateTime.UtcNow < deadline) await Task.Delay(50);
            var drained = DateTimeOffset.UtcNow - started;
            await stack.PauseDeliveryAsync();
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

            var row = new Row(latency, n, pumpConcurrency, delivered, drained.TotalSeconds, n / drained.TotalSeconds,
                (n - 1) / Math.Max(0.001, (last - first).TotalSeconds), raw.OkPerSecond, raw.Ok, tokens);
            rows.Add(row);
            Console.WriteLine(row);
        }

        Evidence.Csv("delivery", ["paradox_latency_ms", "messages", "concurrency", "delivered", "drain_seconds", "drain_per_s", "steady_per_s", "sandbox_raw_per_s", "sandbox_raw_ok", "token_requests"],
            rows.Select(r => new object?[] { r.LatencyMs, r.Messages, r.Concurrency, r.Delivered, r.DrainSeconds, r.DrainPerSecond, r.SteadyPerSecond, r.RawPerSecond, r.RawOk, r.TokenRequests }));
        var text = new StringBuilder();
        text.AppendLine("| sandbox latency | messages | concurrency | delivered | drain time s | adapter drain msg/s | sandbox raw capacity req/s | ratio (target ≥ 0.80) | token requests during drain (target ≤ 1 per lifetime) |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            var ratio = r.DrainPerSecond / r.RawPerSecond;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.LatencyMs} ms | {r.Messages} | {r.Concurrency} | {r.Delivered} | {r.DrainSeconds:F1} | {r.DrainPerSecond:F0} | {r.RawPerSecond:F0} | {ratio:F2} {(ratio >= 0.8 ? "✅" : "❌")} | {r.TokenRequests} {(r.TokenRequests <= 1 ? "✅" : "❌")} |");
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

    private sealed record Row(int LatencyMs, int Messages, int Concurrency, int Delivered, double DrainSeconds, double DrainPerSecond,
        double SteadyPerSecond, double RawPerSecond, int RawOk, int TokenRequests)
    {
        public override string ToString() =>
            $"latency {LatencyMs} ms: {Delivered}/{Messages} delivered in {DrainSeconds:F1} s = {DrainPerSecond:F0}/s (steady {SteadyPerSecond:F0}/s); " +
            $"sandbox raw {RawPerSecond:F0}/s ({RawOk} ok) at c={Concurrency}; tokens {TokenRequests}";
    }
}
