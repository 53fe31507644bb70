using InterviewAlerts.Core.Observability;
using InterviewAlerts.Infra.Tests.Support;

namespace InterviewAlerts.Infra.Tests;

/// <summary>The operators' workbook: on the Application Insights component, one panel per question an operator asks.</summary>
[Collection(InfraCollection.Name)]
public sealed class WorkbookTests(CompiledInfra infra)
{
    [Fact]
    public void Workbook_IsSharedAndReadsTheApplicationInsightsComponent()
    {
        var workbook = infra.Main.Single(MonitoringModules.WorkbookType);

        Assert.Equal("shared", (string?)workbook.Json["kind"]);
        Assert.Equal("workbook", (string?)workbook.Raw("properties.category"));
        Assert.Equal("[parameters('appInsightsId')]", (string?)workbook.Raw("properties.sourceId"));
        Assert.Contains("outputs.appInsightsId.value", (string?)workbook.Scope.PassedParameters?["appInsightsId"]?["value"], StringComparison.Ordinal);
        Assert.Equal("[string(variables('workbookContent'))]", (string?)workbook.Raw("properties.serializedData"));
    }

    [Fact]
    public void WorkbookContent_TurnsEveryQueryIntoAPanelOnTheTimeRangeParameter()
    {
        var content = infra.Main.Module("workbook").Variables["workbookContent"];
        var items = (string?)content?["items"] ?? string.Empty;

        Assert.Equal("Notebook/1.0", (string?)content?["version"]);
        Assert.Contains("map(variables('queries'), lambda('item', 'index', createObject('type', 3,", items, StringComparison.Ordinal);
        Assert.Contains("'timeContextFromParameter', 'TimeRange'", items, StringComparison.Ordinal);
        Assert.Contains("variables('timeRangeParameter')", items, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"TimeRange\"", infra.Main.Module("workbook").Variables["timeRangeParameter"]?.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Requests accepted and rejected", AdapterMetrics.RequestsAccepted, "timechart")]
    [InlineData("Rejections by reason and caller", AdapterMetrics.RequestsRejected, "table")]
    [InlineData("Authentication failures by caller", AdapterMetrics.AuthenticationFailures, "timechart")]
    [InlineData("Delivery outcomes", AdapterMetrics.Deliveries, "timechart")]
    [InlineData("Dead letters by reason", AdapterMetrics.Deliveries, "table")]
    [InlineData("Attempts per ended request", AdapterMetrics.DeliveryAttempts, "table")]
    [InlineData("Oldest queued message (seconds)", AdapterMetrics.QueueOldestAge, "timechart")]
    public void Workbook_HasThePanel(string title, string instrument, string visualization)
    {
        var panel = Assert.Single(infra.WorkbookQueries(), query => (string?)query["title"] == title);

        Assert.Contains($"\"{instrument}\"", (string?)panel["query"], StringComparison.Ordinal);
        Assert.Equal(visualization, (string?)panel["visualization"]);
    }

    [Fact]
    public void RejectionsPanel_GroupsByReasonAndCaller()
    {
        var query = (string?)Assert.Single(infra.WorkbookQueries(), q => (string?)q["title"] == "Rejections by reason and caller")["query"];

        Assert.Contains($"by {AdapterMetrics.ReasonTag}, {AdapterMetrics.CallerTag}", query, StringComparison.Ordinal);
    }

    [Fact]
    public void LatencyPanel_ShowsPercentilesWeightedByCountAndTheMaximum()
    {
        var query = (string?)Assert.Single(infra.WorkbookQueries(), q => ((string?)q["title"])?.StartsWith("Acceptance to Paradox answer", StringComparison.Ordinal) == true)["query"];

        Assert.Contains($"\"{AdapterMetrics.TimeToParadox}\"", query, StringComparison.Ordinal);
        Assert.Contains("percentilesw(valueSum / valueCount, toint(valueCount), 50, 95, 99)", query, StringComparison.Ordinal);
        Assert.Contains("max(valueMax)", query, StringComparison.Ordinal);
    }
}
