using System.Text.Json;

namespace InterviewAlerts.LocalRunner.Triggers;

/// <summary>The "extensions.queues" settings of host.json, with the Functions host's defaults.</summary>
public sealed record QueueHostSettings
{
    public int BatchSize { get; init; } = 16;
    public int NewBatchThreshold { get; init; } = 8;
    public int MaxDequeueCount { get; init; } = 5;
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.Zero;
    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How many messages may be in flight at once on one instance.</summary>
    public int MaxConcurrency => BatchSize + NewBatchThreshold;

    /// <summary>
    /// host.json's values, then app-setting overrides in the Functions host's own form
    /// ("AzureFunctionsJobHost__extensions__queues__visibilityTimeout"), as the Azure host applies them.
    /// </summary>
    public static QueueHostSettings Load(string hostJsonPath, IConfiguration overrides)
    {
        var settings = Load(hostJsonPath);
        var section = overrides.GetSection("AzureFunctionsJobHost:extensions:queues");
        return settings with
        {
            BatchSize = section.GetValue("batchSize", settings.BatchSize),
            NewBatchThreshold = section.GetValue("newBatchThreshold", settings.NewBatchThreshold),
            MaxDequeueCount = section.GetValue("maxDequeueCount", settings.MaxDequeueCount),
            VisibilityTimeout = section.GetValue("visibilityTimeout", settings.VisibilityTimeout),
            MaxPollingInterval = section.GetValue("maxPollingInterval", settings.MaxPollingInterval),
        };
    }

    public static QueueHostSettings Load(string hostJsonPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(hostJsonPath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!document.RootElement.TryGetProperty("extensions", out var extensions) || !extensions.TryGetProperty("queues", out var queues))
            return new QueueHostSettings();

        var defaults = new QueueHostSettings();
        return new QueueHostSettings
        {
            BatchSize = Int(queues, "batchSize") ?? defaults.BatchSize,
            NewBatchThreshold = Int(queues, "newBatchThreshold") ?? defaults.NewBatchThreshold,
            MaxDequeueCount = Int(queues, "maxDequeueCount") ?? defaults.MaxDequeueCount,
            VisibilityTimeout = Time(queues, "visibilityTimeout") ?? defaults.VisibilityTimeout,
            MaxPollingInterval = Time(queues, "maxPollingInterval") ?? defaults.MaxPollingInterval,
        };
    }

    private static int? Int(JsonElement queues, string name) =>
        queues.TryGetProperty(name, out var value) && value.TryGetInt32(out var number) ? number : null;

    private static TimeSpan? Time(JsonElement queues, string name) =>
        queues.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && TimeSpan.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var time) ? time : null;
}
