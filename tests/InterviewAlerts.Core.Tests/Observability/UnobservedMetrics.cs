using System.Diagnostics.Metrics;
using InterviewAlerts.Core.Observability;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewAlerts.Core.Tests.Observability;

/// <summary>Instruments for tests that do not read metrics: a meter factory of their own that no test observes.</summary>
internal static class UnobservedMetrics
{
    private static readonly ServiceProvider Services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public static AdapterMetrics Instance { get; } = new(Services.GetRequiredService<IMeterFactory>());
}
