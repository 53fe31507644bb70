using System.Text.Json.Nodes;

namespace InterviewAlerts.Infra.Tests.Support;

/// <summary>The alert rules and the workbook as compiled: their rule definitions and queries, evaluated with main.bicep's defaults.</summary>
internal static class MonitoringModules
{
    public const string RuleType = "Microsoft.Insights/scheduledQueryRules";
    public const string WorkbookType = "Microsoft.Insights/workbooks";

    /// <summary>The alerts module's rule definitions (name, query, measure, threshold, dimension), one per rule resource.</summary>
    public static IReadOnlyList<JsonObject> AlertRules(this CompiledInfra infra)
    {
        var scope = infra.Main.Module("alerts");
        var rules = ArmEvaluator.Evaluate(scope.Variables["rules"], scope)?.AsArray() ?? [];
        return [.. rules.OfType<JsonObject>()];
    }

    public static JsonObject AlertRule(this CompiledInfra infra, string name)
    {
        var matches = infra.AlertRules().Where(rule => (string?)rule["name"] == name).ToList();
        Assert.True(matches.Count == 1, $"Expected one alert rule named {name}, found {matches.Count}.");
        return matches[0];
    }

    /// <summary>The workbook's panels: title, visualization and KQL.</summary>
    public static IReadOnlyList<JsonObject> WorkbookQueries(this CompiledInfra infra)
    {
        var scope = infra.Main.Module("workbook");
        return [.. (ArmEvaluator.Evaluate(scope.Variables["queries"], scope)?.AsArray() ?? []).OfType<JsonObject>()];
    }

    /// <summary>Every KQL text the deployment carries: each alert rule's and each workbook panel's.</summary>
    public static IReadOnlyList<string> AllQueries(this CompiledInfra infra) =>
        [.. infra.AlertRules().Select(rule => (string?)rule["query"] ?? string.Empty), .. infra.WorkbookQueries().Select(panel => (string?)panel["query"] ?? string.Empty)];
}
