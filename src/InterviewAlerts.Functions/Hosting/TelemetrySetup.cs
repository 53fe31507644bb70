using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using InterviewAlerts.Core.Observability;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace InterviewAlerts.Functions.Hosting;

/// <summary>
/// OpenTelemetry as the Functions worker recommends: worker defaults, the adapter's own trace source, and the
/// Azure Monitor exporter when an Application Insights connection string is configured (Entra ID auth when
/// APPLICATIONINSIGHTS_AUTHENTICATION_STRING names a managed identity, since local auth is disabled).
/// </summary>
internal static class TelemetrySetup
{
    public static void AddAdapterTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddSource(Telemetry.SourceName))
            .WithMetrics(metrics => metrics.AddMeter(Telemetry.SourceName));
        if (string.IsNullOrWhiteSpace(configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"])) return;

        var clientId = ManagedIdentityClientId(configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        telemetry.UseAzureMonitorExporter(options =>
        {
            if (clientId is not null) options.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        });
    }

    /// <summary>"Authorization=AAD;ClientId=&lt;guid&gt;" → the guid.</summary>
    internal static string? ManagedIdentityClientId(string? authenticationString) =>
        authenticationString?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2 && pair[0].Equals("ClientId", StringComparison.OrdinalIgnoreCase))
            .Select(pair => pair[1])
            .FirstOrDefault();
}
