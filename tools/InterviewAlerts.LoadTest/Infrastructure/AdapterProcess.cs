using System.Diagnostics;
using System.Net;
using System.Text;
using InterviewAlerts.IntegrationTests.Infrastructure;

namespace InterviewAlerts.LoadTest.Infrastructure;

/// <summary>
/// A build of the adapter running in a process (tree) of its own on 127.0.0.1, so its memory can be measured apart from
/// the load tool: under the Azure Functions host (run-host.sh of the folder given with --functions-host) or in the
/// local runner. Output goes to a log under artifacts/. Disposing stops the process tree this object started.
/// </summary>
internal sealed class AdapterProcess : IAsyncDisposable
{
    /// <summary>The host function key run-host.sh configures; the local runner ignores the header.</summary>
    public const string FunctionKey = "devfunctionkey0000000000";

    /// <summary>The JSON caller the measured app is configured with (<see cref="CallerSettings"/>), as HTTP Basic.</summary>
    public static string CallerAuthorization { get; } =
        "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{CallerName}:{CallerSecret}"));

    /// <summary>App settings naming that caller: the adapter answers 401 to anyone else.</summary>
    public static IReadOnlyDictionary<string, string> CallerSettings { get; } = new Dictionary<string, string>
    {
        [$"Callers__{CallerName}__Shapes"] = "Json",
        [$"Callers__{CallerName}__Secret"] = CallerSecret,
    };

    private const string CallerName = "loadtest";
    private const string CallerSecret = "load-test-secret-not-a-real-one";

    private readonly Process _process;
    private readonly StreamWriter _log;

    private AdapterProcess(Process process, StreamWriter log, string logPath, Uri baseUrl)
    {
        _process = process;
        _log = log;
        LogPath = logPath;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>The process's console output (the Functions host logs every execution with its duration).</summary>
    public string LogPath { get; }

    public int ProcessId => _process.Id;

    public static async Task<AdapterProcess> StartAsync(AdapterTarget target, string? functionsHostFolder, IReadOnlyDictionary<string, string> settings, string logName)
    {
        var port = FreePort.Next();
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (target.Kind == AdapterKind.FunctionsHost)
        {
            var script = Path.Combine(functionsHostFolder ?? throw new ArgumentException($"Target {target.Label} runs under the Functions host: name its folder with --functions-host."), "run-host.sh");
            start.FileName = "bash";
            start.ArgumentList.Add(script);
            start.ArgumentList.Add(target.Path);
            start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var (key, value) in settings) start.ArgumentList.Add($"{key}={value}");
        }
        else
        {
            start.FileName = "dotnet";
            start.ArgumentList.Add(target.Path);
            if (target.Kind == AdapterKind.Baselines) start.ArgumentList.Add(Baselines.BaselineServer.Command);
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add($"http://127.0.0.1:{port}");
            foreach (var (key, value) in settings) start.Environment[key] = value;
            start.Environment["LocalSettings"] = Path.Combine(Path.GetTempPath(), "no-local-settings.json");
        }

        Directory.CreateDirectory(Evidence.ArtifactsDirectory);
        var logPath = Path.Combine(Evidence.ArtifactsDirectory, logName + ".log");
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var adapter = new AdapterProcess(process, log, logPath, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await adapter.WaitUntilAcceptingAsync(TimeSpan.FromMinutes(3));
        }
        catch
        {
            await adapter.DisposeAsync();
            throw;
        }

        return adapter;
    }

    public HttpRequestMessage Post(byte[] body, string contentType = "application/json")
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUrl, "api/interview-alerts")) { Content = content };
        request.Headers.Add("x-functions-key", FunctionKey);
        request.Headers.TryAddWithoutValidation("Authorization", CallerAuthorization);
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        lock (_log) _log.Dispose();
    }

    /// <summary>Ready means a small valid request is acknowledged (the host answers 404/503 while it starts).</summary>
    private async Task WaitUntilAcceptingAsync(TimeSpan timeout)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.StartNew();
        var last = "no answer";
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The adapter process exited ({_process.ExitCode}) before it accepted requests; see its log under {Evidence.ArtifactsDirectory}.");
            try
            {
                using var request = Post(Encoding.UTF8.GetBytes($$"""{"ex_id":"READY-{{Guid.NewGuid():N}}","interview_duration":30,"interview_type":2}"""));
                using var response = await client.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.Accepted) return;
                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }
            catch (TaskCanceledException)
            {
                last = "timeout";
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"The adapter did not accept a request within {timeout} (last: {last}).");
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null) return;
        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // the last lines of a process being stopped
            }
        }
    }
}
