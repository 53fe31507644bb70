using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Queues;
using InterviewAlerts.IntegrationTests.Infrastructure;
using InterviewAlerts.LoadTest.Baselines;
using InterviewAlerts.LocalRunner;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Paradox.Sandbox;

namespace InterviewAlerts.LoadTest.Infrastructure;

/// <summary>
/// Azurite + Paradox sandbox + the adapter in the local runner (baselines enabled), all in this process except
/// Azurite, all on 127.0.0.1. Mirrors the tests' AdapterHarness. Given a Functions host (<see cref="FunctionsHostRun"/>),
/// the adapter measured is the published app under that host, in a process of its own on the same Azurite and sandbox:
/// <see cref="AdapterUrl"/> is then the host's, delivery is the host's queue listener, and the in-process local runner
/// only serves the baselines (its queue pumps stay paused). Storage is then reached through counting relays.
/// </summary>
internal sealed class Stack : IAsyncDisposable
{
    public const string BrassRingUser = "loadtestbrassring";
    public const string BrassRingPassword = "loadtest-password";

    private readonly List<OutageProxy> _proxies;
    private readonly FunctionsHostRun? _host;
    private readonly string _name;
    private readonly Dictionary<string, string?> _settings;
    private AdapterProcess? _hostAdapter;
    private int _hostStarts;

    private Stack(string name, AzuriteProcess azurite, WebApplication sandbox, WebApplication adapter, FileLogProvider log, List<OutageProxy> proxies,
        StorageRequestCounter counter, FunctionsHostRun? host, Dictionary<string, string?> settings)
    {
        _name = name;
        _proxies = proxies;
        _host = host;
        _settings = settings;
        Azurite = azurite;
        Sandbox = sandbox;
        Adapter = adapter;
        Log = log;
        StorageRequests = counter;
        SandboxUrl = Address(sandbox);
        RunnerUrl = Address(adapter);
        Control = new HttpClient(LoopbackHandler(8)) { BaseAddress = SandboxUrl, Timeout = TimeSpan.FromSeconds(60) };
    }

    public AzuriteProcess Azurite { get; }
    public WebApplication Sandbox { get; }

    /// <summary>The in-process local runner: the adapter measured without a Functions host, and the baselines' host.</summary>
    public WebApplication Adapter { get; }
    public FileLogProvider Log { get; }
    public Uri SandboxUrl { get; }

    /// <summary>The local runner's address (baseline endpoints; the adapter itself when no Functions host is used).</summary>
    public Uri RunnerUrl { get; }

    /// <summary>The adapter measured: the Functions host's address while it runs, else the local runner's.</summary>
    public Uri AdapterUrl => _hostAdapter?.BaseUrl ?? RunnerUrl;

    /// <summary>True when the measured adapter runs under the Functions host.</summary>
    public bool UnderFunctionsHost => _host is not null;

    /// <summary>What produced the figures, for tables: "Functions host" or "local runner".</summary>
    public string HostLabel => UnderFunctionsHost ? "Functions host" : "local runner";

    /// <summary>The Functions host's process (host + worker), while it runs.</summary>
    public AdapterProcess? HostAdapter => _hostAdapter;

    /// <summary>Storage requests that went through the relays (only counted when the stack has them).</summary>
    public StorageRequestCounter StorageRequests { get; }

    /// <summary>For the sandbox's /sandbox control endpoints.</summary>
    public HttpClient Control { get; }

    public static async Task<Stack> StartAsync(
        string name,
        IDictionary<string, string?>? adapterSettings = null,
        IDictionary<string, string?>? sandboxSettings = null,
        string? azuriteLocation = null,
        bool outageProxy = false,
        FunctionsHostRun? host = null)
    {
        var log = new FileLogProvider(Path.Combine(Evidence.ArtifactsDirectory, name + "-warnings.log"));
        var azurite = new AzuriteProcess(azuriteLocation);
        await azurite.StartAsync();
        var counter = new StorageRequestCounter();
        outageProxy |= host is not null;
        var proxies = outageProxy
            ? new List<OutageProxy> { new(azurite.BlobPort, counter, "blob"), new(azurite.QueuePort, counter, "queue"), new(azurite.TablePort, counter, "table") }
            : [];
        foreach (var proxy in proxies) proxy.Resume();
        var storage = outageProxy ? AzuriteProcess.ConnectionStringVia(proxies[0].Port, proxies[1].Port, proxies[2].Port) : azurite.ConnectionString;

        var sandbox = SandboxApp.Create(["--urls", "http://127.0.0.1:0"], b =>
        {
            b.Configuration.AddInMemoryCollection(sandboxSettings ?? new Dictionary<string, string?>());
            b.Logging.ClearProviders();
        });
        await sandbox.StartAsync();

        var configuration = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storage,
            ["Paradox:BaseUrl"] = Address(sandbox).ToString(),
            ["Paradox:AccountId"] = "sandbox-account",
            ["Paradox:Secret"] = "sandbox-secret",
            ["Callers:" + BrassRingUser + ":Shapes"] = "BrassRing",
            ["Callers:" + BrassRingUser + ":ClientIds:0"] = "31207",
            ["Callers:" + BrassRingUser + ":Secret"] = BrassRingPassword,
            // The load harness measures the pipeline, not authentication: native JSON is sent without credentials.
            ["CallerAuthentication:AllowAnonymousJson"] = "true",
            ["CallerAuthentication:FailureLimit"] = "100000",
            ["BrassRing:MappingsFile"] = Path.Combine(RepositoryRoot.Path, "config", "brassring-mappings.sample.json"),
            ["LocalSettings"] = Path.Combine(Path.GetTempPath(), "no-local-settings.json"),
        };
        foreach (var (key, value) in adapterSettings ?? new Dictionary<string, string?>()) configuration[key] = value;
        foreach (var (key, value) in host?.Settings ?? new Dictionary<string, string>()) configuration[key.Replace("__", ":", StringComparison.Ordinal)] = value;

        var adapter = LocalRunnerApp.Create(["--urls", "http://127.0.0.1:0"], b =>
        {
            b.Configuration.AddInMemoryCollection(configuration);
            b.Logging.ClearProviders();
            b.Logging.SetMinimumLevel(LogLevel.Warning);
            b.Logging.AddProvider(log);
            // Pausing a queue pump (IHostedService.StopAsync) ends its loop with a cancellation the host would
            // otherwise count as a crashed BackgroundService and stop the whole app for.
            b.Services.Configure<HostOptions>(o => o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);
        });
        BaselineEndpoints.Map(adapter);
        await adapter.StartAsync();
        var stack = new Stack(name, azurite, sandbox, adapter, log, proxies, counter, host, configuration);
        if (host is not null) await stack.PauseDeliveryAsync();
        return stack;
    }

    /// <summary>
    /// Starts the published app under the Functions host on this stack's storage and sandbox, with the same settings as
    /// the local runner (in the host's <c>Section__Key</c> form), the queue function on or off. Ready once it acknowledges.
    /// </summary>
    public async Task StartFunctionsHostAsync(bool delivery)
    {
        if (_host is null) throw new InvalidOperationException("No Functions host was named (--functions-host).");
        await StopFunctionsHostAsync();
        var settings = _settings.Where(s => s.Key != "LocalSettings" && s.Value is not null)
            .ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!, StringComparer.Ordinal);
        foreach (var (key, value) in AdapterProcess.CallerSettings) settings[key] = value; // the caller its readiness probe uses
        if (!delivery) settings["AzureWebJobs.DeliverInterviewAlert.Disabled"] = "true";
        _hostAdapter = await AdapterProcess.StartAsync(_host.Target, _host.Folder, settings, $"{_name}-host-{++_hostStarts}");
    }

    public async Task StopFunctionsHostAsync()
    {
        if (_hostAdapter is null) return;
        await _hostAdapter.DisposeAsync();
        _hostAdapter = null;
    }

    /// <summary>An HttpClient for the measured adapter (and the baselines): keep-alive, the host's function key sent.</summary>
    public HttpClient AdapterClient(int connections, Uri? baseAddress = null)
    {
        var client = new HttpClient(LoopbackHandler(connections)) { BaseAddress = baseAddress ?? AdapterUrl, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("x-functions-key", AdapterProcess.FunctionKey);
        return client;
    }

    /// <summary>An HttpClient for load: pooled keep-alive connections, never a proxy (traffic stays on loopback).</summary>
    public static SocketsHttpHandler LoopbackHandler(int connections) => new()
    {
        UseProxy = false,
        MaxConnectionsPerServer = Math.Max(1, connections),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
        AllowAutoRedirect = false,
    };

    /// <summary>
    /// Restarts the in-memory Azurite on the same ports, empty, and creates what the adapter expects (as its
    /// bootstrapper does at start). Load runs start from here: Azurite's emulation slows down as its store grows (tables
    /// of tens of thousands of records, queue extents), and stalled for over 30 s more than once after a few runs, which
    /// Azure Storage does not do; without this, later runs would measure the emulator's state.
    /// </summary>
    public async Task FreshAzuriteAsync()
    {
        await Azurite.StopGracefullyAsync(TimeSpan.FromSeconds(10));
        await Azurite.StartAsync();
        await Adapter.Services.GetRequiredService<Azure.Data.Tables.TableServiceClient>().CreateTableIfNotExistsAsync(InterviewAlerts.Core.Storage.StorageNames.RecordsTable);
        var queues = Adapter.Services.GetRequiredService<QueueServiceClient>();
        foreach (var name in new[] { "interview-alerts", "interview-alerts-poison", BaselineEndpoints.RawQueueName })
        {
            await queues.GetQueueClient(name).CreateIfNotExistsAsync();
        }

        var blobs = Adapter.Services.GetRequiredService<Azure.Storage.Blobs.BlobServiceClient>();
        await blobs.GetBlobContainerClient(InterviewAlerts.Core.Storage.StorageNames.PayloadContainer).CreateIfNotExistsAsync();
        await blobs.GetBlobContainerClient(InterviewAlerts.Core.Storage.StorageNames.DeadLetterContainer).CreateIfNotExistsAsync();
    }

    /// <summary>The adapter loses storage: every connection through the relays is reset, new ones are refused.</summary>
    public async Task CutStorageAsync()
    {
        foreach (var proxy in _proxies) await proxy.CutAsync();
    }

    public void ResumeStorage()
    {
        foreach (var proxy in _proxies) proxy.Resume();
    }

    public QueueClient Queue(string name) =>
        new(Azurite.ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    /// <summary>The runner's queue pumps (delivery and poison). Stopped, the delivery queue only fills; started again, it drains.</summary>
    private IEnumerable<IHostedService> Pumps =>
        Adapter.Services.GetServices<IHostedService>().Where(s => s.GetType().Name == "QueueTriggerPump");

    /// <summary>Under the Functions host: its process is stopped (the local runner's pumps are never started).</summary>
    public async Task PauseDeliveryAsync()
    {
        if (UnderFunctionsHost) await StopFunctionsHostAsync();
        foreach (var pump in Pumps) await pump.StopAsync(CancellationToken.None);
    }

    /// <summary>Under the Functions host: its process is started with the queue function on (takes the host's start-up time).</summary>
    public async Task ResumeDeliveryAsync()
    {
        if (UnderFunctionsHost)
        {
            await StartFunctionsHostAsync(delivery: true);
            return;
        }

        foreach (var pump in Pumps) await pump.StartAsync(CancellationToken.None);
    }

    public async Task SetLatencyAsync(int milliseconds) =>
        (await Control.PutAsync(new Uri($"sandbox/latency/{milliseconds}", UriKind.Relative), null)).EnsureSuccessStatusCode();

    public async Task ClearSandboxRequestsAsync() =>
        (await Control.DeleteAsync(new Uri("sandbox/requests", UriKind.Relative))).EnsureSuccessStatusCode();

    public async Task<int> TokensIssuedAsync()
    {
        using var stats = await Control.GetFromJsonAsync<JsonDocument>(new Uri("sandbox/stats", UriKind.Relative));
        return stats!.RootElement.GetProperty("tokensIssued").GetInt32();
    }

    public async Task<int> AlertsReceivedAsync()
    {
        using var stats = await Control.GetFromJsonAsync<JsonDocument>(new Uri("sandbox/stats", UriKind.Relative));
        return stats!.RootElement.GetProperty("alertsReceived").GetInt32();
    }

    public async Task<IReadOnlyList<SandboxRecord>> SandboxRequestsAsync() =>
        await Control.GetFromJsonAsync<List<SandboxRecord>>(new Uri("sandbox/requests", UriKind.Relative), JsonSerializerOptions.Web) ?? [];

    public async Task AddFaultAsync(object rule)
    {
        using var response = await Control.PostAsJsonAsync(new Uri("sandbox/faults", UriKind.Relative), rule);
        if (response.StatusCode != HttpStatusCode.NoContent) throw new InvalidOperationException($"Fault not accepted: {(int)response.StatusCode}");
    }

    public async Task ExpireTokensAsync() =>
        (await Control.PostAsync(new Uri("sandbox/tokens/expire", UriKind.Relative), null)).EnsureSuccessStatusCode();

    public async ValueTask DisposeAsync()
    {
        await StopFunctionsHostAsync();
        Control.Dispose();
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            await Adapter.StopAsync(stop.Token);
        }

        await Adapter.DisposeAsync();
        await Sandbox.StopAsync();
        await Sandbox.DisposeAsync();
        foreach (var proxy in _proxies) await proxy.DisposeAsync();
        await Azurite.DisposeAsync();
        Log.Dispose();
    }

    private static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
}

/// <summary>The Functions host's folder (with run-host.sh) and the published app it runs.</summary>
/// <param name="Settings">App settings for this run (<c>Section__Key</c>), e.g. host.json overrides in the host's own form
/// (<c>AzureFunctionsJobHost__extensions__queues__maxPollingInterval</c>); the local runner gets them too.</param>
internal sealed record FunctionsHostRun(string Folder, AdapterTarget Target, IReadOnlyDictionary<string, string> Settings);

/// <summary>One interview_alerts request as the sandbox recorded it (GET /sandbox/requests).</summary>
internal sealed record SandboxRecord(long Sequence, DateTimeOffset ReceivedAt, string? TrackingId, string Body, int Status);

/// <summary>Warnings and errors of the adapter to a file (kept out of the measurements' way).</summary>
internal sealed class FileLogProvider : ILoggerProvider
{
    private readonly StreamWriter _writer;
    private readonly Lock _gate = new();
    private int _count;

    public FileLogProvider(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _writer = new StreamWriter(path, append: false) { AutoFlush = false };
    }

    public int Count => Volatile.Read(ref _count);

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public void Dispose()
    {
        lock (_gate) _writer.Dispose();
    }

    private void Write(string line)
    {
        Interlocked.Increment(ref _count);
        lock (_gate) _writer.WriteLine(line);
    }

    private sealed class FileLogger(FileLogProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            owner.Write($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {logLevel} {category}[{eventId.Id}]: {formatter(state, exception)} {exception?.GetType().Name} {exception?.Message}");
        }
    }
}
