using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using InterviewAlerts.Core.Storage;
using InterviewAlerts.LocalRunner;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Paradox.Sandbox;
using Paradox.Sandbox.Faults;
using Paradox.Sandbox.Recording;
using Paradox.Sandbox.Tokens;

namespace InterviewAlerts.IntegrationTests.Infrastructure;

/// <summary>
/// The whole adapter on loopback: a real Azurite, the Paradox sandbox, and the function app's classes in the
/// local runner, all wired as in a local run. Tests talk to it over real HTTP.
/// </summary>
public sealed class AdapterHarness : IAsyncDisposable
{
    private AdapterHarness(AzuriteProcess azurite, WebApplication sandbox, WebApplication adapter)
    {
        Azurite = azurite;
        Sandbox = sandbox;
        Adapter = adapter;
        SandboxUrl = Address(sandbox);
        AdapterUrl = Address(adapter);
#pragma warning disable CA2000 // The client owns its handler.
        Client = new HttpClient(new DefaultCallerHandler(JsonCallerBasic) { InnerHandler = new HttpClientHandler() })
        {
            BaseAddress = AdapterUrl,
            Timeout = TimeSpan.FromSeconds(60),
        };
#pragma warning restore CA2000
        AnonymousClient = new HttpClient { BaseAddress = AdapterUrl, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>The BrassRing export user (a caller allowed to send BrassRing for <see cref="BrassRingClientId"/>).</summary>
    public const string BrassRingUser = "acmebrassring";

    /// <summary>A test-only caller password (never a real secret).</summary>
    public const string BrassRingPassword = "test-caller-password-7f3a";

    /// <summary>The client id (Sender/Credential) of every BrassRing sample in the corpus.</summary>
    public const string BrassRingClientId = "31207";

    /// <summary>The JSON caller <see cref="Client"/> authenticates as by default; also an operator, so it reads every status.</summary>
    public const string JsonCaller = "harness";

    public const string JsonCallerSecret = "test-json-caller-secret-91c2";

    public static string JsonCallerBasic => Basic(JsonCaller, JsonCallerSecret);

    public static string BrassRingBasic => Basic(BrassRingUser, BrassRingPassword);
    /// <summary>A second export user (another client's export, or an attacker with credentials of their own).</summary>
    public const string OtherBrassRingUser = "globexbrassring";

    /// <summary>A test-only caller password (never a real secret).</summary>
    public const string OtherBrassRingPassword = "test-other-password-c41d";

    public static string OtherBrassRingBasic => Basic(OtherBrassRingUser, OtherBrassRingPassword);

    private static string Basic(string user, string password) =>
        "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(user + ":" + password));

    public AzuriteProcess Azurite { get; }
    public WebApplication Sandbox { get; }
    public WebApplication Adapter { get; }
    public Uri SandboxUrl { get; }
    public Uri AdapterUrl { get; }
    /// <summary>Sends as <see cref="JsonCaller"/> unless a request carries its own Authorization header.</summary>
    public HttpClient Client { get; }

    /// <summary>Sends exactly the headers a test sets: no default credentials.</summary>
    public HttpClient AnonymousClient { get; }

    public RequestLog SandboxRequests => Sandbox.Services.GetRequiredService<RequestLog>();
    public FaultPlan SandboxFaults => Sandbox.Services.GetRequiredService<FaultPlan>();
    public TokenIssuer SandboxTokens => Sandbox.Services.GetRequiredService<TokenIssuer>();

    /// <param name="settings">Settings over the defaults below.</param>
    /// <param name="azuriteLocation">Where Azurite keeps its data (null: in memory).</param>
    /// <param name="services">Registrations made before the adapter's own (e.g. a secret store backed by the Key Vault stand-in).</param>
    public static async Task<AdapterHarness> StartAsync(
        IDictionary<string, string?>? settings = null, string? azuriteLocation = null, Action<IServiceCollection>? services = null)
    {
        var azurite = await AzuriteProcess.StartNewAsync(azuriteLocation);
        var sandbox = SandboxApp.Create(["--urls", "http://127.0.0.1:0"], b => b.Logging.ClearProviders());
        await sandbox.StartAsync();

        var configuration = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Paradox:BaseUrl"] = Address(sandbox).ToString(),
            ["Paradox:AccountId"] = "sandbox-account",
            ["Paradox:Secret"] = "sandbox-secret",
            ["Delivery:FirstRetryDelay"] = "00:00:00.200",
            ["Delivery:MaxRetryDelay"] = "00:00:01",
            ["LocalSettings"] = Path.Combine(Path.GetTempPath(), "no-local-settings.json"),
            ["Paradox:AttemptTimeout"] = "00:00:02",
            ["Paradox:TotalTimeout"] = "00:00:05",
            ["Callers:" + BrassRingUser + ":Shapes"] = "BrassRing",
            ["Callers:" + BrassRingUser + ":ClientIds:0"] = BrassRingClientId,
            ["Callers:" + BrassRingUser + ":Secret"] = BrassRingPassword,
            ["Callers:" + JsonCaller + ":Shapes"] = "Json",
            ["Callers:" + JsonCaller + ":Operator"] = "true",
            ["Callers:" + JsonCaller + ":Secret"] = JsonCallerSecret,
            // Corpus tests send many wrong credentials on purpose; the limit itself is tested with its own setting.
            ["CallerAuthentication:FailureLimit"] = "100000",
            ["Callers:" + OtherBrassRingUser + ":Shapes"] = "BrassRing",
            ["Callers:" + OtherBrassRingUser + ":ClientIds:0"] = BrassRingClientId,
            ["Callers:" + OtherBrassRingUser + ":Secret"] = OtherBrassRingPassword,
            ["BrassRing:MappingsFile"] = Path.Combine(RepositoryRoot.Path, "config", "brassring-mappings.sample.json"),
            // host.json overrides in the Functions host's own form: quick polling and quick retries for tests.
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.100",
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00.100",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) configuration[key] = value;

        var adapter = LocalRunnerApp.Create(["--urls", "http://127.0.0.1:0"], b =>
        {
            b.Configuration.AddInMemoryCollection(configuration);
            services?.Invoke(b.Services);
            b.Logging.ClearProviders();
            b.Logging.AddProvider(CapturedLogs.NewProvider());
        });
        await adapter.StartAsync();
        return new AdapterHarness(azurite, sandbox, adapter);
    }

    public QueueClient Queue(string name) =>
        new(Azurite.ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    public TableClient Records() => new(Azurite.ConnectionString, StorageNames.RecordsTable);

    /// <summary>The dead-letter container: "{caller}/{tracking id}.json" per dead letter.</summary>
    public BlobContainerClient DeadLetters() => new(Azurite.ConnectionString, StorageNames.DeadLetterContainer);

    /// <summary>Waits until the sandbox holds requests for the tracking id, or fails after the timeout.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForParadoxAsync(string trackingId, int count = 1, TimeSpan? timeout = null) =>
        await Eventually.ValueAsync(() =>
        {
            var matching = SandboxRequests.All().Where(r => r.TrackingId == trackingId && r.Status == 200).ToList();
            return matching.Count >= count ? matching : null;
        }, timeout ?? TimeSpan.FromSeconds(30), $"Paradox sandbox to receive {trackingId}");

    public async Task<JsonElement> GetStatusAsync(string trackingId)
    {
        var response = await Client.GetAsync($"api/interview-alerts/{trackingId}");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        AnonymousClient.Dispose();
        await Adapter.StopAsync();
        await Adapter.DisposeAsync();
        await Sandbox.StopAsync();
        await Sandbox.DisposeAsync();
        await Azurite.DisposeAsync();
    }

    private static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
}
