using InterviewAlerts.Infra.Tests.Support;

namespace InterviewAlerts.Infra.Tests;

[Collection(InfraCollection.Name)]
public sealed class DiagnosticSettingsTests(CompiledInfra infra)
{
    [Theory]
    [InlineData("Microsoft.Web/sites", "FunctionAppLogs")]
    [InlineData("Microsoft.Storage/storageAccounts/blobServices", "StorageRead,StorageWrite,StorageDelete")]
    [InlineData("Microsoft.Storage/storageAccounts/queueServices", "StorageRead,StorageWrite,StorageDelete")]
    [InlineData("Microsoft.Storage/storageAccounts/tableServices", "StorageRead,StorageWrite,StorageDelete")]
    [InlineData("Microsoft.KeyVault/vaults", "AuditEvent")]
    public void Resource_SendsItsLogsToTheWorkspace(string scopeType, string categories)
    {
        var settings = infra.Main.OfType("Microsoft.Insights/diagnosticSettings")
            .Where(d => ((string?)d.Raw("scope") ?? string.Empty).Contains($"resourceId('{scopeType}'", StringComparison.Ordinal))
            .ToList();
        var setting = Assert.Single(settings);

        var logs = setting.Evaluated("properties.logs")?.AsArray() ?? [];
        Assert.Equal(categories.Split(','), logs.Select(l => (string?)l?["category"]));
        Assert.All(logs, l => Assert.True((bool?)l?["enabled"]));

        // The workspace id is passed down from the monitoring module's output.
        var workspace = (string?)setting.Scope.PassedParameters?["workspaceId"]?["value"] ?? string.Empty;
        Assert.Equal("[parameters('workspaceId')]", (string?)setting.Raw("properties.workspaceId"));
        Assert.Contains("'monitoring'", workspace, StringComparison.Ordinal);
        Assert.Contains("outputs.workspaceId.value", workspace, StringComparison.Ordinal);
    }

    [Fact]
    public void LogAnalytics_DisablesLocalAuth() =>
        Assert.True((bool?)infra.Main.Single("Microsoft.OperationalInsights/workspaces").Evaluated("properties.features.disableLocalAuth") ?? false);
}
