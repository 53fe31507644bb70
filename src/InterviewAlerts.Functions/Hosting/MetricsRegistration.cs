using Azure.Storage.Queues;
using InterviewAlerts.Core.Observability;
using InterviewAlerts.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InterviewAlerts.Functions.Hosting;

/// <summary>The adapter's instruments (one <see cref="AdapterMetrics"/> per host, from its meter factory) and the queue-age probe.</summary>
internal static class MetricsRegistration
{
    public static IServiceCollection AddAdapterMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<AdapterMetrics>();
        services.TryAddSingleton(sp => new DeliveryQueueAge(
            sp.GetRequiredService<QueueServiceClient>().GetQueueClient(StorageNames.DeliveryQueue),
            sp.GetRequiredService<AdapterMetrics>(),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
