using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using InterviewAlerts.IntegrationTests.Infrastructure;
using InterviewAlerts.LoadTest.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Paradox.Sandbox;

namespace InterviewAlerts.LoadTest.Scenarios;

/// <summary>
/// Memory under large and slow requests, per build, each build in a process (tree) of its own, measured by its resident
/// set sampled every 100 ms: (a) 16 concurrent native requests of about 14 MB (a valid request whose base64 resume is
/// just under Paradox's 10 MB), with the queue function off unless asked for; (b) 128 connections that each declare Content-Length 16777215 and
/// trickle about 300 B/s for a bounded time; (c) the rate at which small valid requests are acknowledged, 8 at a time, so
/// a runtime setting that helps (a) can be checked not to slow ordinary traffic. Every (build, test) pair gets a fresh adapter process and a fresh Azurite;
/// the Paradox sandbox runs in this process. Everything listens on 127.0.0.1.
/// </summary>
internal static class LargeBodyScenario
{
    public const int LargeRequests = 16;

    /// <summary>Just under Paradox's 10 MiB resume limit: 13,973,336 base64 characters, a body of about 14 MB.</summary>
    public const int DecodedResumeBytes = 10_480_000;

    public const int SlowConnections = 128;
    public const long DeclaredLength = 16_777_215;
    public const int TrickleBytesPerSecond = 300;

    /// <summary>instanceMemoryMB of the Bicep (infra/main.bicep).</summary>
    public const int InstanceMemoryMiB = 2048;

    public const int RateConcurrency = 8;

    private const string LargeTest = "large";
    private const string SlowTest = "slow";
    private const string RateTest = "rate";
    private static readonly TimeSpan RateWarmUp = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RateDuration = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan TrickleStep = TimeSpan.FromMilliseconds(100);

    /// <param name="tests">"large", "slow", "rate" or several separated by commas; null for all three.</param>
    /// <param name="delivery">Whether the queue function runs too (it then sends every accepted request to the sandbox).</param>
    /// <param name="appSettings">
    /// App settings per target label beyond the measurement's own: those the build's infrastructure gives the Function
    /// App (in Azure they are environment variables of the host and its worker), so each build runs as deployed.
    /// </param>
    public static async Task RunAsync(
        IReadOnlyList<AdapterTarget> targets, string? functionsHost, string? tests, bool delivery, bool quick, IReadOnlyDictionary<string, Dictionary<string, string>> appSettings,
        bool chunked = false)
    {
        var trickle = TimeSpan.FromSeconds(quick ? 10 : 30);
        var sandbox = SandboxApp.Create(["--urls", "http://127.0.0.1:0"], b => b.Logging.ClearProviders());
        await sandbox.StartAsync();
        var sandboxUrl = new Uri(sandbox.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
        using var control = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = sandboxUrl };
        var resume = ResumeBase64();
        var results = new List<Result>();
        var samples = new List<object?[]>();
        try
        {
            foreach (var target in targets)
            {
                foreach (var test in new[] { LargeTest, SlowTest, RateTest }.Where(t => tests is null || tests.Split(',').Contains(t)))
                {
                    var extra = appSettings.GetValueOrDefault(target.Label) ?? [];
                    var result = await MeasureAsync(target, test, functionsHost, delivery, extra, sandboxUrl, control, resume, trickle, quick, chunked, samples);
                    results.Add(result);
                    Console.WriteLine(result);
                }
            }
        }
        finally
        {
            await sandbox.StopAsync();
            await sandbox.DisposeAsync();
        }

        Evidence.Csv("large-bodies-samples", ["target", "test", "seconds", "resident_mib", "root_mib"], samples);
        Evidence.Csv("large-bodies", ["target", "kind", "test", "idle_mib", "peak_mib", "added_mib", "answers", "delivered", "seconds", "acknowledged_per_second", "app_settings"],
            results.Select(r => new object?[]
            {
                r.Target.Label, r.Target.Kind, r.Test, r.IdleMiB, r.PeakMiB, r.PeakMiB - r.IdleMiB, r.Answers, r.Delivered, r.Seconds, r.PerSecond,
                Settings(appSettings.GetValueOrDefault(r.Target.Label)),
            }));
        var summary = Summary(results, trickle, RateDurationOf(quick), delivery, appSettings);
        Evidence.Markdown("large-bodies", summary);
        Console.WriteLine(summary);
    }

    private static async Task<Result> MeasureAsync(
        AdapterTarget target, string test, string? functionsHost, bool delivery, IReadOnlyDictionary<string, string> appSettings, Uri sandboxUrl, HttpClient control,
        string resume, TimeSpan trickle, bool quick, bool chunked, List<object?[]> samples)
    {
        await using var azurite = new AzuriteProcess();
        await azurite.StartAsync();
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Paradox__BaseUrl"] = sandboxUrl.ToString(),
            ["Paradox__AccountId"] = "sandbox-account",
            ["Paradox__Secret"] = "sandbox-secret",
        };
        // The instance's memory as the GC of both processes sees it (in Azure the container's limit tells it): without
        // this, a runtime on a machine with far more memory collects lazily and measures the machine, not the instance.
        foreach (var (key, value) in AdapterProcess.CallerSettings) settings[key] = value;
        settings["DOTNET_GCTotalPhysicalMemory"] = ((long)InstanceMemoryMiB * 1024 * 1024).ToString("X", CultureInfo.InvariantCulture);
        foreach (var (key, value) in appSettings) settings[key] = value;
        if (!delivery || test == RateTest)
        {
            // The ingest path alone: the queue function off (the Functions host's app setting; the local runner's own).
            settings["AzureWebJobs.DeliverInterviewAlert.Disabled"] = "true";
            settings["LocalRunner__DisableQueueTriggers"] = "true";
        }

        await using var adapter = await AdapterProcess.StartAsync(target, functionsHost, settings, $"large-bodies-{target.Label}-{test}");
        (await control.DeleteAsync(new Uri("sandbox/requests", UriKind.Relative))).EnsureSuccessStatusCode();
        var deliveredBefore = await AlertsReceivedAsync(control);

        Result result;
        await using (var sampler = new MemorySampler(adapter.ProcessId))
        {
            await Task.Delay(Idle); // the idle level the test's growth is measured from
            var idle = Median(sampler.Samples.Select(s => s.ResidentMiB));
            var started = sampler.Seconds;
            string answers;
            double? perSecond = null;
            if (test == LargeTest)
            {
                var statuses = await SendLargeAsync(adapter, resume, chunked);
                answers = Count(statuses);
                Console.WriteLine($"  answered after {sampler.Seconds - started:F1} s");
                if (delivery) await WaitForDeliveriesAsync(control, deliveredBefore + statuses.Count(s => s == "202"), TimeSpan.FromSeconds(90));
            }
            else if (test == SlowTest)
            {
                answers = await TrickleAsync(adapter, trickle);
            }
            else
            {
                var rate = await SmallRequestsAsync(adapter, quick);
                answers = rate.StatusSummary;
                perSecond = rate.OkPerSecond;
            }

            await Task.Delay(Idle); // what stays after the load
            var seconds = sampler.Seconds - started;
            var window = sampler.Samples.Where(s => s.Seconds >= started).ToList();
            result = new Result(target, test, idle, window.Max(s => s.ResidentMiB), answers, await AlertsReceivedAsync(control) - deliveredBefore, seconds, perSecond);
            samples.AddRange(sampler.Samples.Select(s => new object?[] { target.Label, test, Math.Round(s.Seconds - started, 2), Math.Round(s.ResidentMiB, 1), Math.Round(s.RootMiB, 1) }));
        }

        return result;
    }

    /// <summary>
    /// (a) All large requests at once, each on its own connection; the answers' status codes counted. <paramref name="chunked"/>
    /// sends them without Content-Length (chunked transfer encoding), as some callers do.
    /// </summary>
    private static async Task<string[]> SendLargeAsync(AdapterProcess adapter, string resume, bool chunked)
    {
        var tag = Payloads.NewRunTag();
        var bodies = Enumerable.Range(0, LargeRequests).Select(i => Encoding.UTF8.GetBytes(
            $$"""{"ex_id":"LARGE-{{tag}}-{{i:D2}}","job_req_id":"18842BR","interview_type":2,"interview_duration":30,"resume":"{{resume}}"}""")).ToList();
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = LargeRequests }) { Timeout = TimeSpan.FromMinutes(5) };
        var statuses = await Task.WhenAll(bodies.Select(async body =>
        {
            try
            {
                using var request = adapter.Post(body);
                request.Headers.TransferEncodingChunked = chunked;
                using var response = await client.SendAsync(request);
                return ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            }
            catch (HttpRequestException ex)
            {
                return "error:" + ex.HttpRequestError;
            }
            catch (TaskCanceledException)
            {
                return "timeout";
            }
        }));
        return statuses;
    }

    /// <summary>
    /// (c) Small valid native requests, <see cref="RateConcurrency"/> at a time (closed loop), each a different candidate:
    /// a warm-up first, then the requests acknowledged (202) per second over <see cref="RateDuration"/>.
    /// </summary>
    private static async Task<RunResult> SmallRequestsAsync(AdapterProcess adapter, bool quick)
    {
        var tag = Payloads.NewRunTag();
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = RateConcurrency }) { Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("x-functions-key", AdapterProcess.FunctionKey);
        var uri = new Uri(adapter.BaseUrl, "api/interview-alerts");
        var sent = 0;
        LoadRequest Make(int _) => new(HttpMethod.Post, uri, Payloads.Native(tag, Interlocked.Increment(ref sent)), Payloads.NativeContentType, AdapterProcess.CallerAuthorization);
        await LoadGenerator.RunAsync(client, RateConcurrency, 100_000, quick ? TimeSpan.FromSeconds(1) : RateWarmUp, Make, r => r.Status == 202);
        return await LoadGenerator.RunAsync(client, RateConcurrency, 100_000, RateDurationOf(quick), Make, r => r.Status == 202);
    }

    /// <summary>
    /// (b) Every connection sends its headers (declaring <see cref="DeclaredLength"/>) and then 30 bytes every 100 ms
    /// (300 B/s) until <paramref name="duration"/> has passed or the server answered it; then all are closed.
    /// </summary>
    private static async Task<string> TrickleAsync(AdapterProcess adapter, TimeSpan duration)
    {
        var headers = Encoding.ASCII.GetBytes(
            $"POST /api/interview-alerts HTTP/1.1\r\nHost: {adapter.BaseUrl.Authority}\r\nContent-Type: application/json\r\n" +
            $"Content-Length: {DeclaredLength}\r\nx-functions-key: {AdapterProcess.FunctionKey}\r\nAuthorization: {AdapterProcess.CallerAuthorization}\r\n\r\n{{\"ex_id\":\"SLOW\",\"resume\":\"");
        var step = new byte[(int)(TrickleBytesPerSecond * TrickleStep.TotalSeconds)];
        Array.Fill(step, (byte)'A');
        var answers = new ConcurrentDictionary<int, string>();
        var sockets = new List<Socket>();
        var readers = new List<Task>();
        try
        {
            for (var i = 0; i < SlowConnections; i++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, adapter.BaseUrl.Port));
                await socket.SendAsync(headers);
                sockets.Add(socket);
                var index = i;
                readers.Add(ReadAnswerAsync(socket, index, answers));
            }

            using var timer = new PeriodicTimer(TrickleStep);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (clock.Elapsed < duration && await timer.WaitForNextTickAsync())
            {
                for (var i = 0; i < sockets.Count; i++)
                {
                    if (answers.ContainsKey(i)) continue;
                    try
                    {
                        await sockets[i].SendAsync(step);
                    }
                    catch (SocketException ex)
                    {
                        answers.TryAdd(i, "closed:" + ex.SocketErrorCode);
                    }
                }
            }
        }
        finally
        {
            foreach (var socket in sockets) socket.Dispose();
        }

        await Task.WhenAll(readers);
        return Count(Enumerable.Range(0, SlowConnections).Select(i => answers.TryGetValue(i, out var answer) ? answer : "unanswered"));
    }

    /// <summary>The status code of the first answer on the connection, if one comes before it is closed.</summary>
    private static async Task ReadAnswerAsync(Socket socket, int index, ConcurrentDictionary<int, string> answers)
    {
        var buffer = new byte[256];
        try
        {
            var read = await socket.ReceiveAsync(buffer);
            if (read == 0)
            {
                answers.TryAdd(index, "closed");
                return;
            }

            var line = Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0].Split(' ');
            answers.TryAdd(index, line.Length > 1 ? line[1] : "unreadable");
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // closed by this side at the end of the trickle: no answer
        }
    }

    private static async Task WaitForDeliveriesAsync(HttpClient control, int expected, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < timeout && await AlertsReceivedAsync(control) < expected) await Task.Delay(250);
    }

    private static async Task<int> AlertsReceivedAsync(HttpClient control)
    {
        using var stats = await control.GetFromJsonAsync<JsonDocument>(new Uri("sandbox/stats", UriKind.Relative));
        return stats!.RootElement.GetProperty("alertsReceived").GetInt32();
    }

    /// <summary>A PDF-signed file of <see cref="DecodedResumeBytes"/> bytes (random after the signature), base64-encoded.</summary>
    private static string ResumeBase64()
    {
        var file = new byte[DecodedResumeBytes];
        new Random(20261202).NextBytes(file);
        "%PDF-1.7\n"u8.CopyTo(file);
        return Convert.ToBase64String(file);
    }

    private static string Count(IEnumerable<string> outcomes) =>
        string.Join(' ', outcomes.GroupBy(o => o).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}x{g.Count()}"));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
    }

    private static TimeSpan RateDurationOf(bool quick) => quick ? TimeSpan.FromSeconds(5) : RateDuration;

    private static string Settings(IReadOnlyDictionary<string, string>? settings) =>
        settings is null || settings.Count == 0 ? "" : string.Join(' ', settings.Select(s => $"{s.Key}={s.Value}"));

    private static string Summary(List<Result> results, TimeSpan trickle, TimeSpan rateDuration, bool delivery, IReadOnlyDictionary<string, Dictionary<string, string>> appSettings)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Resident set of the adapter's process tree (Functions host + worker, or the local runner), MiB, sampled every {MemorySampler.Interval.TotalMilliseconds:F0} ms. (a) {LargeRequests} concurrent native requests of {(DecodedResumeBytes + 2) / 3 * 4 / 1e6:F1} MB of base64 resume each{(delivery ? ", until delivered" : ", delivery off (the ingest path alone)")}; target: peak ≤ 1024 MiB. (b) {SlowConnections} connections declaring Content-Length {DeclaredLength} and sending {TrickleBytesPerSecond} B/s for {trickle.TotalSeconds:F0} s; target: ≤ 100 MiB added. (c) small valid native requests, {RateConcurrency} at a time for {rateDuration.TotalSeconds:F0} s after a warm-up, acknowledged per second. The runtime of every process is told the instance has {InstanceMemoryMiB} MiB (DOTNET_GCTotalPhysicalMemory).");
        text.AppendLine();
        text.AppendLine("| build | runs under | app settings | test | idle | peak | added | answers | delivered | acknowledged/s | target met |");
        text.AppendLine("|---|---|---|---|---:|---:|---:|---|---:|---:|---|");
        foreach (var r in results)
        {
            var (name, met) = r.Test switch
            {
                LargeTest => ("(a) 16 × 14 MB", r.PeakMiB <= 1024 ? "yes" : "no"),
                SlowTest => ("(b) 128 slow", r.PeakMiB - r.IdleMiB <= 100 ? "yes" : "no"),
                _ => ($"(c) small, {RateConcurrency} at a time", "–"),
            };
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Target.Label} | {(r.Target.Kind == AdapterKind.FunctionsHost ? "Functions host" : "local runner")} | {Settings(appSettings.GetValueOrDefault(r.Target.Label))} | {name} | {r.IdleMiB:F0} | {r.PeakMiB:F0} | {r.PeakMiB - r.IdleMiB:F0} | {r.Answers} | {(r.Test == LargeTest ? r.Delivered.ToString(CultureInfo.InvariantCulture) : "–")} | {(r.PerSecond is { } rate ? rate.ToString("F0", CultureInfo.InvariantCulture) : "–")} | {met} |");
        }

        return text.ToString();
    }

    private sealed record Result(AdapterTarget Target, string Test, double IdleMiB, double PeakMiB, string Answers, int Delivered, double Seconds, double? PerSecond)
    {
        public override string ToString() =>
            $"{Target.Label} ({Target.Kind}) {Test}: idle {IdleMiB:F0} MiB, peak {PeakMiB:F0} MiB (+{PeakMiB - IdleMiB:F0}), answers {Answers}, delivered {Delivered}, {Seconds:F0} s" +
            (PerSecond is { } rate ? $", {rate:F0} acknowledged/s" : "");
    }
}
