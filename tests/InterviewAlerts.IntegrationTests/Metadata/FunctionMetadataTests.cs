using System.Text.Json;
using InterviewAlerts.IntegrationTests.Infrastructure;

namespace InterviewAlerts.IntegrationTests.Metadata;

/// <summary>
/// CI has no Functions host, so the build's generated functions.metadata is checked instead: it is what the
/// host will index (routes, methods, auth levels, queue names, connection settings).
/// </summary>
public sealed class FunctionMetadataTests
{
    private static readonly Lazy<JsonElement> Metadata = new(Load);

    public static TheoryData<string, string, string, string> HttpFunctions => new()
    {
        { "IngestInterviewAlert", "interview-alerts", "post", "Function" },
        { "ValidateInterviewAlert", "interview-alerts/validate", "post", "Function" },
        { "GetInterviewAlertStatus", "interview-alerts/{id}", "get", "Function" },
        { "SearchRequests", "ops/requests", "get", "Admin" },
        { "GetRequestDetail", "ops/requests/{trackingId}", "get", "Admin" },
        { "ListDeadLetters", "ops/dead-letters", "get", "Admin" },
        { "ReplayDeadLetters", "ops/dead-letters/replay", "post", "Admin" },
        { "DiscardDeadLetters", "ops/dead-letters/discard", "post", "Admin" },
        { "GetOpenApiDescription", "openapi.json", "get", "Anonymous" },
        { "GetInterviewRequestSchema", "schema/interview-request.schema.json", "get", "Anonymous" },
    };

    [Theory]
    [MemberData(nameof(HttpFunctions))]
    public void Http_function_has_intended_route_method_and_auth_level(string name, string route, string method, string authLevel)
    {
        var trigger = Binding(name, "httpTrigger");
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(authLevel, trigger.GetProperty("authLevel").GetString());
    }

    [Fact]
    public void Delivery_function_reads_the_interview_alerts_queue_through_AzureWebJobsStorage()
    {
        var trigger = Binding("DeliverInterviewAlert", "queueTrigger");
        Assert.Equal("interview-alerts", trigger.GetProperty("queueName").GetString());
        Assert.Equal("AzureWebJobsStorage", trigger.GetProperty("connection").GetString());
    }

    [Fact]
    public void Poison_queue_is_watched_so_nothing_ends_silently()
    {
        var trigger = Binding("RecordPoisonedInterviewAlert", "queueTrigger");
        Assert.Equal("interview-alerts-poison", trigger.GetProperty("queueName").GetString());
        Assert.Equal("AzureWebJobsStorage", trigger.GetProperty("connection").GetString());
    }

    [Fact]
    public void Records_are_purged_by_an_hourly_timer()
    {
        Assert.Equal("0 17 * * * *", Binding("PurgeExpiredRecords", "timerTrigger").GetProperty("schedule").GetString());
    }

    [Fact]
    public void No_route_starts_with_the_host_reserved_admin_prefix()
    {
        var routes = Metadata.Value.EnumerateArray()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray())
            .Where(b => b.TryGetProperty("route", out _))
            .Select(b => b.GetProperty("route").GetString()!);
        Assert.DoesNotContain(routes, r => r.StartsWith("admin", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void No_function_writes_through_an_output_binding()
    {
        // Ingest must answer only after its own queue write succeeded (worker issue #3269), so no queue output bindings.
        var outputs = Metadata.Value.EnumerateArray()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray())
            .Where(b => b.GetProperty("direction").GetString() == "Out" && b.GetProperty("type").GetString() != "http");
        Assert.Empty(outputs);
    }

    [Fact]
    public void Host_json_is_deployed_with_the_queue_settings_the_runner_copies()
    {
        var hostJson = Path.Combine(OutputFolder(), "host.json");
        using var document = JsonDocument.Parse(File.ReadAllText(hostJson));
        var queues = document.RootElement.GetProperty("extensions").GetProperty("queues");
        Assert.Equal(5, queues.GetProperty("maxDequeueCount").GetInt32());
        Assert.Equal("base64", queues.GetProperty("messageEncoding").GetString());
    }

    [Fact]
    public void Host_json_runs_more_messages_than_Paradox_calls_and_refills_before_a_batch_drains()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(OutputFolder(), "host.json")));
        var queues = document.RootElement.GetProperty("extensions").GetProperty("queues");
        var batchSize = queues.GetProperty("batchSize").GetInt32();
        var newBatchThreshold = queues.GetProperty("newBatchThreshold").GetInt32();

        // docs/operators/scaling-and-concurrency.md: Paradox calls per instance are bounded by
        // Delivery:MaxConcurrentParadoxCalls (24); the host runs twice as many messages so their storage work overlaps
        // the calls, and refills at or above the batch size so deliveries do not run in waves.
        Assert.Equal(2 * new InterviewAlerts.Core.Delivery.DeliveryOptions().MaxConcurrentParadoxCalls, batchSize + newBatchThreshold);
        Assert.True(newBatchThreshold >= batchSize, $"newBatchThreshold {newBatchThreshold} < batchSize {batchSize}");
    }

    /// <summary>Every route and method the app serves, from the built functions.metadata.</summary>
    internal static IReadOnlyList<(string Route, string Method, string AuthLevel)> HttpRoutes() =>
        [.. Metadata.Value.EnumerateArray()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray())
            .Where(b => b.GetProperty("type").GetString() == "httpTrigger")
            .SelectMany(b => b.GetProperty("methods").EnumerateArray().Select(m =>
                (b.GetProperty("route").GetString()!, m.GetString()!, b.GetProperty("authLevel").GetString()!)))];

    private static JsonElement Binding(string function, string type)
    {
        var entry = Metadata.Value.EnumerateArray().Single(f => f.GetProperty("name").GetString() == function);
        return entry.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString() == type);
    }

    private static string OutputFolder()
    {
        // The function app's own build output, same configuration as this test assembly.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        return Path.Combine(RepositoryRoot.Path, "src", "InterviewAlerts.Functions", "bin", configuration, "net10.0");
    }

    private static JsonElement Load()
    {
        var path = Path.Combine(OutputFolder(), "functions.metadata");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();
    }
}
