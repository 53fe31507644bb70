using InterviewAlerts.Core.Delivery;
using InterviewAlerts.Core.Observability;
using InterviewAlerts.Infra.Tests.Support;

namespace InterviewAlerts.Infra.Tests;

/// <summary>
/// The workbook and the alert rules name only metrics, tags and values the code emits (the constants of
/// <see cref="AdapterMetrics"/>, <see cref="DeliveryOutcomes"/> and <see cref="DeadLetterReasons"/>), anywhere in the
/// compiled template: a renamed instrument or tag fails here instead of leaving an empty chart or a silent alert.
/// </summary>
[Collection(InfraCollection.Name)]
public sealed class MetricNamesTests(CompiledInfra infra)
{
    [Fact]
    public void CompiledTemplate_NamesOnlyInstrumentsTheCodeEmits()
    {
        var named = MetricQueries.Instruments(infra.MainJson);

        Assert.NotEmpty(named);
        Assert.All(named, name => Assert.Contains(name, AdapterMetrics.Instruments));
    }

    [Fact]
    public void CompiledTemplate_NamesOnlyTagsTheCodeEmits()
    {
        var tags = MetricQueries.Tags(infra.MainJson);

        Assert.NotEmpty(tags);
        Assert.All(tags, tag => Assert.Contains(tag, AdapterMetrics.Tags));
    }

    [Fact]
    public void Queries_CompareOnlyOutcomesTheCodeEmits()
    {
        var outcomes = infra.AllQueries().SelectMany(MetricQueries.OutcomesCompared).Distinct().ToList();

        Assert.NotEmpty(outcomes);
        Assert.All(outcomes, outcome => Assert.Contains(outcome, DeliveryOutcomes.All));
    }

    [Fact]
    public void Workbook_ShowsEveryInstrument() =>
        Assert.Equal(
            AdapterMetrics.Instruments.Order(),
            infra.WorkbookQueries().SelectMany(panel => MetricQueries.Instruments((string?)panel["query"] ?? string.Empty)).Distinct().Order());

    [Fact]
    public void EveryQuery_ReadsAtLeastOneInstrumentFromCustomMetrics() =>
        Assert.All(infra.AllQueries(), query =>
        {
            Assert.StartsWith("customMetrics", query.Trim(), StringComparison.Ordinal);
            Assert.NotEmpty(MetricQueries.Instruments(query));
        });

    [Fact]
    public void AlertRuleDimensions_AreTagsTheCodeEmits() =>
        Assert.All(infra.AlertRules().Select(rule => (string?)rule["dimension"]).Where(dimension => !string.IsNullOrEmpty(dimension)),
            dimension => Assert.Contains(dimension!, AdapterMetrics.Tags));

    [Fact]
    public void DeadLetterReasons_AreShownAsTheCodeRecordsThem()
    {
        var panel = infra.WorkbookQueries().Single(query => (string?)query["title"] == "Dead letters by reason");
        var query = (string?)panel["query"] ?? string.Empty;

        Assert.Contains($"{AdapterMetrics.ReasonTag} = tostring(customDimensions.{AdapterMetrics.ReasonTag})", query, StringComparison.Ordinal);
        Assert.Equal(
            [DeliveryOutcomes.Expired, DeliveryOutcomes.Poisoned, DeliveryOutcomes.Rejected],
            MetricQueries.OutcomesCompared(query).Order());
        Assert.Contains(DeadLetterReasons.Poisoned, DeadLetterReasons.All);
    }
}
