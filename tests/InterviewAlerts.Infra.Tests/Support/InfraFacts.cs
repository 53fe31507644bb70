using System.Text.Json.Nodes;

namespace InterviewAlerts.Infra.Tests.Support;

/// <summary>Shortcuts over the compiled template shared by the test classes.</summary>
internal static class InfraFacts
{
    public const string StorageAccountType = "Microsoft.Storage/storageAccounts";
    public const string SiteType = "Microsoft.Web/sites";
    public const string PlanType = "Microsoft.Web/serverfarms";
    public const string VaultType = "Microsoft.KeyVault/vaults";
    public const string AppInsightsType = "Microsoft.Insights/components";
    public const string RoleAssignmentType = "Microsoft.Authorization/roleAssignments";

    /// <summary>Only resources the deployment creates (not <c>existing</c> references, which Bicep does not emit).</summary>
    public static ArmResource StorageAccount(this CompiledInfra infra) => infra.Main.Single(StorageAccountType);

    public static ArmResource Site(this CompiledInfra infra) => infra.Main.Single(SiteType);

    public static ArmResource Plan(this CompiledInfra infra) => infra.Main.Single(PlanType);

    public static ArmResource Vault(this CompiledInfra infra) => infra.Main.Single(VaultType);

    public static ArmResource AppInsights(this CompiledInfra infra) => infra.Main.Single(AppInsightsType);

    /// <summary>The site's app settings, evaluated with main.bicep's defaults (or the given parameter values).</summary>
    public static JsonObject AppSettings(this CompiledInfra infra, IReadOnlyDictionary<string, JsonNode?>? parameters = null)
    {
        var config = infra.Main.OfType("Microsoft.Web/sites/config")
            .Where(r => ArmEvaluator.Evaluate(r.Json["name"], r.Scope)?.ToString()?.EndsWith("/appsettings", StringComparison.Ordinal) == true)
            .ToList();
        Assert.True(config.Count == 1, $"Expected one sites/config 'appsettings' resource, found {config.Count}.");

        var properties = config[0].Json["properties"];
        var evaluated = parameters is null
            ? ArmEvaluator.Evaluate(properties, config[0].Scope)
            : ArmEvaluator.Evaluate(properties, config[0].Scope, parameters);
        return Assert.IsType<JsonObject>(evaluated);
    }

    public static string Setting(this JsonObject settings, string name)
    {
        Assert.True(settings.ContainsKey(name), $"App setting {name} is missing. Settings: {string.Join(", ", settings.Select(s => s.Key))}");
        return settings[name]?.ToString() ?? string.Empty;
    }

    public static JsonNode? Evaluated(this ArmResource resource, string path)
    {
        JsonNode? node = resource.Json;
        foreach (var part in path.Split('.'))
        {
            node = node?[part];
        }

        return ArmEvaluator.Evaluate(node, resource.Scope);
    }

    public static JsonNode? Raw(this ArmResource resource, string path)
    {
        JsonNode? node = resource.Json;
        foreach (var part in path.Split('.'))
        {
            node = node?[part];
        }

        return node;
    }
}
