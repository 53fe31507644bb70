using System.Diagnostics;

namespace InterviewAlerts.Core.Observability;

/// <summary>The adapter's trace source; OpenTelemetry listens to it by name.</summary>
public static class Telemetry
{
    public const string SourceName = "InterviewAlerts";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>Starts an activity that continues the trace carried in a queue message (W3C traceparent), if any.</summary>
    public static Activity? StartLinked(string name, string? traceParent, ActivityKind kind = ActivityKind.Consumer)
    {
        ActivityContext.TryParse(traceParent, null, out var parent);
        return Source.StartActivity(name, kind, parent);
    }
}
