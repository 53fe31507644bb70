using InterviewAlerts.Functions.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace InterviewAlerts.IntegrationTests.Hosting;

/// <summary>The adapter's composition root alone, over the given settings, as start-up validation sees it in Azure.</summary>
internal static class AdapterHost
{
    public static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddInterviewAlertsAdapter(builder.Configuration);
        return builder.Build();
    }
}
