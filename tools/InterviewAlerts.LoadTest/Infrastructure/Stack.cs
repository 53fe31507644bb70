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
/// Azurite, all on 127.0.0.1. Mirrors the tests' AdapterHarness.
/// </summary>
internal sealed class Stack : IAsyncDisposable
{
    public const string BrassRingUser = "loadtestbrassring";
    public const string BrassRingPassword = "loadtest-password";

    private readonly List<OutageProxy> _proxies;

    private Stack(AzuriteProcess azurite, WebApplication sandbox, WebApplication adapter, FileLogProvider log, List<OutageProxy> proxies)
    {
        _proxies = proxies;
        Azurite = azurite;
        Sandbox = sandbox;
        Adapter = adapter;
        Log = log;
        SandboxUrl = Address(sandbox);
        AdapterUrl = Address(adapter);
        Control = new HttpClient(LoopbackHandler(8)) { BaseAddress = SandboxUrl, Timeout = TimeSpan.FromSeconds(60) };
    }

    public AzuriteProcess Azurite { get; }
    public WebApplication Sandbox { get; }
    public WebApplication Adapter { get; }
    public FileLogProvider Log { get; }
    public Uri SandboxUrl { get; }
    public Uri AdapterUrl { get; }

    /// <summary>For the sandbox's /sandbox control endpoints.</summary>
    public HttpClient Control { get; }

    public static async Task<Stack> StartAsync(
        string name,
        IDictionary<string, string?>? adapterSettings = null,
        IDictionary<string, string?>? sandboxSettings = null,
        string? azuriteLocation = null,
        bool outageProxy = false)
    {
        var log = new FileLogProvider(Path.Combine(Evidence.ArtifactsDirectory, name + "-warnings.log"));
        var azurite = new AzuriteProcess(azuriteLocation);
        await azurite.StartAsync();
        var proxies = outageProxy ? new List<OutageProxy> { new(azurite.BlobPort), new(azurite.QueuePort), new(azurite.TablePort) } : [];
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
        return new Stack(azurite, sandbox, adapter, log, proxies);
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

    public async Task PauseDeliveryAsync()
    {
        foreach (var pump in Pumps) await pump.StopAsync(CancellationToken.None);
    }

    public async Task ResumeDeliveryAsync()
    {
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
