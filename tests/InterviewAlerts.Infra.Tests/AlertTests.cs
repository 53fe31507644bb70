using System.Text.Json.Nodes;
using InterviewAlerts.Core.Observability;
using InterviewAlerts.Infra.Tests.Support;

namespace InterviewAlerts.Infra.Tests;

/// <summary>The alert rules: one per condition, over the app's metrics in Application Insights, mailed to the action group.</summary>
[Collection(InfraCollection.Name)]
public sealed class AlertTests(CompiledInfra infra)
{
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
    public void Rules_AreOnePerConditionAndDeployedOncePerDefinition()
    {
        Assert.Equal(
            ["rejection-spike", "dead-letters", "expiries", "auth-failures", "queue-age", "delivery-failure-rate"],
            infra.AlertRules().Select(rule => (string?)rule["name"]));
        var resource = infra.Main.Single(MonitoringModules.RuleType);
        Assert.Equal("[length(variables('rules'))]", (string?)resource.Json["copy"]?["count"]);
    }

    [Fact]
    public void Rules_QueryApplicationInsightsEveryFiveMinutesOverFifteenAndNotifyTheActionGroup()
    {
        var rule = infra.Main.Single(MonitoringModules.RuleType);

        Assert.Equal("[parameters('appInsightsId')]", (string?)Assert.Single(rule.Raw("properties.scopes")!.AsArray()));
        Assert.Contains("outputs.appInsightsId.value", (string?)rule.Scope.PassedParameters?["appInsightsId"]?["value"], StringComparison.Ordinal);
        Assert.Equal(("PT5M", "PT15M"), ((string?)rule.Raw("properties.evaluationFrequency"), (string?)rule.Raw("properties.windowSize")));
        Assert.Contains("Microsoft.Insights/actionGroups", Assert.Single(rule.Raw("properties.actions.actionGroups")!.AsArray())?.ToString(), StringComparison.Ordinal);
        Assert.True((bool?)rule.Raw("properties.enabled") ?? false);
        Assert.All(infra.AlertRules(), definition => Assert.StartsWith("customMetrics", ((string?)definition["query"])?.Trim(), StringComparison.Ordinal));
    }

    [Fact]
    public void EveryDeadLetter_FiresExactlyOneRule_AndAnyOneFiresIt()
    {
        var deadLetters = Outcomes(infra.AlertRule("dead-letters"));
        var expiries = Outcomes(infra.AlertRule("expiries"));

        Assert.Equal([DeliveryOutcomes.Poisoned, DeliveryOutcomes.Rejected], deadLetters.Order());
        Assert.Equal([DeliveryOutcomes.Expired], expiries);
        Assert.Equal(0, (int?)infra.AlertRule("dead-letters")["threshold"]);
        Assert.Equal(0, (int?)infra.AlertRule("expiries")["threshold"]);
        Assert.All([infra.AlertRule("dead-letters"), infra.AlertRule("expiries")], rule =>
        {
            Assert.Contains("interview_alerts.deliveries", (string?)rule["query"], StringComparison.Ordinal);
            Assert.Equal(AdapterMetrics.ReasonTag, (string?)rule["dimension"]);
        });
    }

    [Theory]
    [InlineData("rejection-spike", AdapterMetrics.RequestsRejected, AdapterMetrics.CallerTag, 20)]
    [InlineData("auth-failures", AdapterMetrics.AuthenticationFailures, AdapterMetrics.CallerTag, 10)]
    public void PerCallerRules_SplitByCallerWithAThresholdParameter(string name, string instrument, string dimension, int defaultThreshold)
    {
        var rule = infra.AlertRule(name);
        var query = (string?)rule["query"] ?? string.Empty;

        Assert.Contains($"name == \"{instrument}\"", query, StringComparison.Ordinal);
        Assert.Contains($"by {dimension}", query, StringComparison.Ordinal);
        Assert.Equal(dimension, (string?)rule["dimension"]);
        Assert.Equal(defaultThreshold, (int?)rule["threshold"]);
    }

    [Fact]
    public void QueueAgeRule_FiresOnlyWhenEverySampleOfTheWindowIsOld()
    {
        var rule = infra.AlertRule("queue-age");
        var query = (string?)rule["query"] ?? string.Empty;

        Assert.Contains($"name == \"{AdapterMetrics.QueueOldestAge}\"", query, StringComparison.Ordinal);
        Assert.Contains("OldestAgeSeconds = min(value)", query, StringComparison.Ordinal);
        Assert.Equal("OldestAgeSeconds", (string?)rule["measure"]);
        Assert.Equal(900, (int?)rule["threshold"]);
        Assert.Equal(900, (int?)infra.Main.Root.Parameters["queueAgeThresholdSeconds"]?["defaultValue"]);
    }

    [Fact]
    public void DeliveryFailureRateRule_ComparesFailedAttemptsToAllAttempts()
    {
        var rule = infra.AlertRule("delivery-failure-rate");
        var query = (string?)rule["query"] ?? string.Empty;

        Assert.Contains("outcome in (\"retried\", \"expired\")", query, StringComparison.Ordinal);
        Assert.Contains("outcome == \"delivered\"", query, StringComparison.Ordinal);
        Assert.Contains("where Attempts >= 5", query, StringComparison.Ordinal);
        Assert.Contains("100.0 * Failed / Attempts", query, StringComparison.Ordinal);
        Assert.Equal("FailureRatePercent", (string?)rule["measure"]);
        Assert.Equal(20, (int?)rule["threshold"]);
        Assert.Equal(20, (int?)infra.Main.Root.Parameters["deliveryFailureRateThresholdPercent"]?["defaultValue"]);
    }

    [Fact]
    public void Rules_ReadTheMeasureTheirQueryComputes() =>
        Assert.All(infra.AlertRules(), rule =>
            Assert.Contains($"{(string?)rule["measure"]} = ", (string?)rule["query"], StringComparison.Ordinal));

    /// <summary>The outcomes a rule's query keeps (<c>outcome == "x"</c> or <c>outcome in ("x", "y")</c>).</summary>
    private static IReadOnlyList<string> Outcomes(JsonObject rule) => MetricQueries.OutcomesCompared((string?)rule["query"] ?? string.Empty);
}
