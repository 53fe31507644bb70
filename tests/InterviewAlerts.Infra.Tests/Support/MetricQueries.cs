using System.Text.RegularExpressions;

namespace InterviewAlerts.Infra.Tests.Support;

/// <summary>What KQL over customMetrics names: instruments, tags (customDimensions) and delivery outcomes it compares.</summary>
internal static partial class MetricQueries
{
    public static IReadOnlyList<string> Instruments(string text) =>
        [.. InstrumentName().Matches(text).Select(match => match.Value.TrimEnd('.')).Distinct()];

    public static IReadOnlyList<string> Tags(string text) =>
        [.. DimensionName().Matches(text).Select(match => match.Groups["tag"].Value).Distinct()];

    public static IReadOnlyList<string> OutcomesCompared(string text) =>
        [.. OutcomeComparison().Matches(text).SelectMany(match => QuotedValue().Matches(match.Groups["values"].Value).Select(value => value.Groups["value"].Value)).Distinct()];

    [GeneratedRegex(@"interview_alerts\.[a-z_.]+")]
    private static partial Regex InstrumentName();

    [GeneratedRegex(@"customDimensions\.(?<tag>[A-Za-z_]+)")]
    private static partial Regex DimensionName();

    [GeneratedRegex(@"outcome\s*(==|in)\s*(?<values>\([^)]*\)|""[^""]*"")")]
    private static partial Regex OutcomeComparison();

    [GeneratedRegex(@"""(?<value>[^""]*)""")]
    private static partial Regex QuotedValue();
}
