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

[Collection(InfraCollection.Name)]
public sealed class AlertTests(CompiledInfra infra)
{
    private const string RuleType = "Microsoft.Insights/scheduledQueryRules";

    [Fact]
    public void ActionGroup_EmailsTheParameterAddress()
    {
        var group = infra.Main.Single("Microsoft.Insights/actionGroups");
        var receivers = group.Evaluated("properties.emailReceivers")?.AsArray();

        Assert.NotNull(receivers);
        var receiver = Assert.Single(receivers);
        Assert.Equal("[parameters('alertEmailAddress')]", receiver?["emailAddress"]?.ToString());
        Assert.True((bool?)group.Evaluated("properties.enabled") ?? false);
    }

    [Fact]
    public void DeadLetteredOrPoisonedRule_FiresOnAnyInFifteenMinutes()
    {
        var criterion = Criterion(DeadLetterRule());
        var query = (string?)criterion["query"] ?? string.Empty;

        Assert.Contains("AppTraces", query, StringComparison.Ordinal);
        Assert.Contains("dead-lettered", query, StringComparison.Ordinal);
        Assert.Contains("poisoned", query, StringComparison.Ordinal);
        Assert.Equal("Count", (string?)criterion["timeAggregation"]);
        Assert.Equal("GreaterThan", (string?)criterion["operator"]);
        Assert.Equal(0, (int?)criterion["threshold"]);
        Assert.Equal("PT15M", (string?)DeadLetterRule().Evaluated("properties.windowSize"));
    }

    [Fact]
    public void DeliveryFailureRateRule_ComparesFailuresToAllAttempts()
    {
        var rule = FailureRateRule();
        var criterion = Criterion(rule);
        var query = (string?)criterion["query"] ?? string.Empty;

        Assert.Contains("AppTraces", query, StringComparison.Ordinal);
        Assert.Contains("\" delivery attempt failed\"", query, StringComparison.Ordinal);
        Assert.Contains("\" delivered\"", query, StringComparison.Ordinal);
        Assert.Contains("100.0 * Failed / Attempts", query, StringComparison.Ordinal);
        Assert.Equal("FailureRatePercent", (string?)criterion["metricMeasureColumn"]);
        Assert.Equal("GreaterThan", (string?)criterion["operator"]);
        Assert.Equal("PT15M", (string?)rule.Evaluated("properties.windowSize"));
    }

    [Fact]
    public void DeliveryFailureRateRule_ThresholdIsAParameterDefaultingTo20Percent()
    {
        Assert.Equal(20, (int?)Criterion(FailureRateRule())["threshold"]);
        Assert.Equal(20, (int?)infra.Main.Root.Parameters["deliveryFailureRateThresholdPercent"]?["defaultValue"]);
    }

    [Fact]
    public void AlertRules_QueryTheWorkspaceAndNotifyTheActionGroup() =>
        Assert.All([DeadLetterRule(), FailureRateRule()], rule =>
        {
            var scopes = rule.Evaluated("properties.scopes")?.AsArray().Select(s => s?.ToString()).ToList() ?? [];
            Assert.Contains("'monitoring'", Assert.Single(scopes), StringComparison.Ordinal);
            var groups = rule.Evaluated("properties.actions.actionGroups")?.AsArray();
            Assert.Contains("Microsoft.Insights/actionGroups", Assert.Single(groups ?? [])?.ToString(), StringComparison.Ordinal);
            Assert.True((bool?)rule.Evaluated("properties.enabled") ?? false);
        });

    private ArmResource DeadLetterRule() => Rule("dead-lettered");

    private ArmResource FailureRateRule() => Rule("failure-rate");

    private ArmResource Rule(string nameContains)
    {
        var rules = infra.Main.OfType(RuleType)
            .Where(r => ArmEvaluator.Names(r).Single().Contains(nameContains, StringComparison.Ordinal))
            .ToList();
        Assert.True(rules.Count == 1, $"Expected one alert rule named *{nameContains}*, found {rules.Count}.");
        return rules[0];
    }

    private static System.Text.Json.Nodes.JsonObject Criterion(ArmResource rule) =>
        Assert.Single(rule.Evaluated("properties.criteria.allOf")?.AsArray() ?? [])!.AsObject();
}
