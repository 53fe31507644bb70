using InterviewAlerts.Infra.Tests.Support;

namespace InterviewAlerts.Infra.Tests;

[Collection(InfraCollection.Name)]
public sealed class MonitoringTests(CompiledInfra infra)
{
    [Fact]
    public void AppInsights_DisablesLocalAuth() =>
        Assert.True((bool?)infra.AppInsights().Evaluated("properties.DisableLocalAuth") ?? false);

    [Fact]
    public void AppInsights_IsWorkspaceBased() =>
        Assert.Contains(
            "Microsoft.OperationalInsights/workspaces",
            infra.AppInsights().Evaluated("properties.WorkspaceResourceId")?.ToString(),
            StringComparison.Ordinal);

    [Fact]
    public void LogAnalyticsWorkspace_IsCreated() =>
        Assert.Single(infra.Main.OfType("Microsoft.OperationalInsights/workspaces"));
}
