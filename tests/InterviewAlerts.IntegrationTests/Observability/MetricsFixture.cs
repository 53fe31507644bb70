using System.Diagnostics.Metrics;
using InterviewAlerts.Core.Tests.Observability;
using InterviewAlerts.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewAlerts.IntegrationTests.Observability;

/// <summary>One adapter for the metric tests, with OpenTelemetry's in-memory exporter on the adapter's own meter factory.</summary>
public sealed class MetricsFixture : IAsyncLifetime
{
    public AdapterHarness Harness { get; private set; } = null!;

    public CapturedMetrics Captured { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Harness = await AdapterHarness.StartAsync();
        Captured = new CapturedMetrics(Harness.Adapter.Services.GetRequiredService<IMeterFactory>());
    }

    public async Task DisposeAsync()
    {
        Captured.Dispose();
        await Harness.DisposeAsync();
    }
}
