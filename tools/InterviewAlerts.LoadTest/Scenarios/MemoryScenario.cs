using System.Diagnostics;
using System.Globalization;
using System.Text;
using InterviewAlerts.LoadTest.Infrastructure;

namespace InterviewAlerts.LoadTest.Scenarios;

/// <summary>
/// (d) Memory of the host process under steady load: mixed native/BrassRing ingest at a fixed rate with delivery
/// running, sampled every few seconds (GC heap after a full collection, and the working set). The sandbox's request
/// log is cleared at each sample so the sandbox, which lives in the same process, does not count as growth.
/// Tokens live 30 s here (refresh margin 10 s), so token renewal is exercised too.
/// </summary>
internal static class MemoryScenario
{
    private const int TokenLifetimeSeconds = 30;
    private const int RefreshMarginSeconds = 10;

    public static async Task RunAsync(bool quick)
    {
        var duration = TimeSpan.FromSeconds(quick ? 20 : 120);
        const double rate = 60;
        var sample = TimeSpan.FromSeconds(quick ? 2 : 5);
        await using var stack = await Stack.StartAsync("memory",
            new Dictionary<string, string?> { ["Paradox:TokenRefreshMargin"] = $"00:00:{RefreshMarginSeconds:D2}" },
            new Dictionary<string, string?> { ["Sandbox:TokenLifetimeSeconds"] = TokenLifetimeSeconds.ToString(CultureInfo.InvariantCulture) });
        using var client = new HttpClient(Stack.LoopbackHandler(16)) { BaseAddress = stack.AdapterUrl, Timeout = TimeSpan.FromSeconds(30) };
        var tag = Payloads.NewRunTag();
        var tokensBefore = await stack.TokensIssuedAsync();

        var sent = 0;
        var delivered = 0;
        var samples = new List<Sample>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested && clock.Elapsed < duration + TimeSpan.FromSeconds(30))
            {
                delivered += await stack.AlertsReceivedAsync();
                await stack.ClearSandboxRequestsAsync();
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                using var self = Process.GetCurrentProcess();
                samples.Add(new Sample(clock.Elapsed.TotalSeconds, Volatile.Read(ref sent), delivered, GC.GetTotalMemory(false) / 1048576.0,
                    self.WorkingSet64 / 1048576.0, AzuriteRssMb(stack.Azurite.ProcessId)));
                Console.WriteLine(samples[^1]);
                try
                {
                    await Task.Delay(sample, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });

        var result = await LoadGenerator.RunAsync(client, 8, (int)(rate * duration.TotalSeconds), duration,
            i =>
            {
                Interlocked.Increment(ref sent);
                var shape = i % 2 == 0 ? Shape.Native : Shape.BrassRing;
                return new LoadRequest(HttpMethod.Post, new Uri("api/interview-alerts", UriKind.Relative), Payloads.Body(shape, tag, i), Payloads.ContentType(shape), Payloads.Authorization(shape));
            },
            s => s.Status is 200 or 202, rate);
        await Task.Delay(sample * 2);
        await stop.CancelAsync();
        await sampler;
        var tokens = await stack.TokensIssuedAsync() - tokensBefore;
        var loadSeconds = result.Elapsed.TotalSeconds;
        var tokenBound = (int)Math.Ceiling(clock.Elapsed.TotalSeconds / (TokenLifetimeSeconds - RefreshMarginSeconds)) + 1;

        Evidence.Csv("memory", ["seconds", "sent", "delivered", "gc_heap_mb", "working_set_mb", "azurite_rss_mb"],
            samples.Select(s => new object?[] { s.Seconds, s.Sent, s.Delivered, s.HeapMb, s.WorkingSetMb, s.AzuriteRssMb }));

        // Start = first sample after 10 s of load (warm), end = last sample under load.
        var warm = samples.First(s => s.Seconds >= Math.Min(10, loadSeconds / 4));
        var end = samples.Last(s => s.Seconds <= loadSeconds + 1);
        var secondHalf = samples.Where(s => s.Seconds >= loadSeconds / 2 && s.Seconds <= loadSeconds + 1).ToList();
        var slope = Slope(secondHalf.Select(s => (s.Seconds, s.HeapMb)).ToList()) * 60;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Steady load: {result.Ok} of {result.Requests} requests acknowledged over {loadSeconds:F0} s ({result.OkPerSecond:F0}/s, half native, half BrassRing, 8 workers), delivery running; {delivered} alerts reached the sandbox.");
        text.AppendLine();
        text.AppendLine("| | at " + Evidence.F(warm.Seconds, 0) + " s (warm) | at " + Evidence.F(end.Seconds, 0) + " s (end) | change |");
        text.AppendLine("|---|---:|---:|---:|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| GC heap after full collection (MB) | {warm.HeapMb:F1} | {end.HeapMb:F1} | {end.HeapMb - warm.HeapMb:+0.0;-0.0} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| working set (MB) | {warm.WorkingSetMb:F1} | {end.WorkingSetMb:F1} | {end.WorkingSetMb - warm.WorkingSetMb:+0.0;-0.0} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| Azurite resident set (MB, separate process, for reference) | {warm.AzuriteRssMb:F1} | {end.AzuriteRssMb:F1} | {end.AzuriteRssMb - warm.AzuriteRssMb:+0.0;-0.0} |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"GC heap trend over the second half of the load: {slope:+0.00;-0.00} MB/min (least squares over {secondHalf.Count} samples).");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Token requests: {tokens} in {clock.Elapsed.TotalSeconds:F0} s with a {TokenLifetimeSeconds} s token lifetime and a {RefreshMarginSeconds} s refresh margin (bound: one per {TokenLifetimeSeconds - RefreshMarginSeconds} s of use + the first = {tokenBound}) {(tokens <= tokenBound ? "✅" : "❌")}.");
        Evidence.Markdown("memory", text.ToString());
        Console.WriteLine(text);
    }

    private static double Slope(List<(double X, double Y)> points)
    {
        if (points.Count < 2) return double.NaN;
        var mx = points.Average(p => p.X);
        var my = points.Average(p => p.Y);
        var num = points.Sum(p => (p.X - mx) * (p.Y - my));
        var den = points.Sum(p => (p.X - mx) * (p.X - mx));
        return den == 0 ? double.NaN : num / den;
    }

    private static double AzuriteRssMb(int? pid)
    {
        if (pid is null || !File.Exists($"/proc/{pid}/status")) return double.NaN;
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    private sealed record Sample(double Seconds, int Sent, int Delivered, double HeapMb, double WorkingSetMb, double AzuriteRssMb)
    {
        public override string ToString() =>
            $"t={Seconds,6:F1}s sent={Sent,6} delivered={Delivered,6} heap={HeapMb,7:F1}MB ws={WorkingSetMb,7:F1}MB azurite={AzuriteRssMb,7:F1}MB";
    }
}
