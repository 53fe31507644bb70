using System.Diagnostics.Metrics;
using InterviewAlerts.Core.Observability;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace InterviewAlerts.Core.Tests.Observability;

/// <summary>
/// Reads what the adapter's instruments emitted through OpenTelemetry's in-memory exporter, limited to the meters of one
/// meter factory, so tests running at the same time (each with its own factory) never see each other's measurements.
/// </summary>
public sealed class CapturedMetrics : IDisposable
{
    private readonly List<MetricSnapshot> _exported = [];
    private readonly MeterProvider _provider;
    private readonly ServiceProvider? _ownedServices;
    private AdapterMetrics? _metrics;

    public CapturedMetrics(IMeterFactory meterFactory) : this(meterFactory, null)
    {
    }

    private CapturedMetrics(IMeterFactory meterFactory, ServiceProvider? ownedServices)
    {
        _ownedServices = ownedServices;
        MeterFactory = meterFactory;
        _provider = Sdk.CreateMeterProviderBuilder()
            .AddMeter(AdapterMetrics.MeterName)
            .AddView(instrument => ReferenceEquals(instrument.Meter.Scope, meterFactory) ? null : MetricStreamConfiguration.Drop)
            .AddInMemoryExporter(_exported)
            .Build();
    }

    /// <summary>A fresh meter factory of its own (as the host's <c>AddMetrics</c> registers it) and its instruments.</summary>
    public static CapturedMetrics Start()
    {
        var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        return new CapturedMetrics(services.GetRequiredService<IMeterFactory>(), services);
    }

    public IMeterFactory MeterFactory { get; }

    /// <summary>Instruments from this factory (for a host's own factory, the host's singleton shares the same instruments).</summary>
    public AdapterMetrics Metrics => _metrics ??= new AdapterMetrics(MeterFactory);

    /// <summary>Every point exported now: cumulative counts, sums and last gauge values per tag set.</summary>
    public IReadOnlyList<MetricPointValue> Points()
    {
        lock (_exported)
        {
            _exported.Clear();
            _provider.ForceFlush();
            return [.. _exported.SelectMany(metric => metric.MetricPoints.Select(point => MetricPointValue.Of(metric, point)))];
        }
    }

    /// <summary>The points of one instrument whose tags include all of <paramref name="tags"/>.</summary>
    public IReadOnlyList<MetricPointValue> Points(string instrument, params (string Name, string Value)[] tags) =>
        [.. Points().Where(point => point.Instrument == instrument && tags.All(tag => point.Tags.GetValueOrDefault(tag.Name) == tag.Value))];

    /// <summary>Counter total (or histogram/gauge sum of values) over the matching points; 0 when none.</summary>
    public double Sum(string instrument, params (string Name, string Value)[] tags) => Points(instrument, tags).Sum(point => point.Sum);

    /// <summary>Histogram measurements over the matching points; 0 when none.</summary>
    public long Count(string instrument, params (string Name, string Value)[] tags) => Points(instrument, tags).Sum(point => point.Count);

    public void Dispose()
    {
        _provider.Dispose();
        _ownedServices?.Dispose();
    }
}

/// <summary>One exported point: its instrument, tags, sum (counter total, histogram sum or gauge value) and count.</summary>
public sealed record MetricPointValue(string Instrument, string Unit, IReadOnlyDictionary<string, string> Tags, double Sum, long Count)
{
    public static MetricPointValue Of(MetricSnapshot metric, MetricPoint point)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in point.Tags) tags[tag.Key] = tag.Value?.ToString() ?? string.Empty;
        var (sum, count) = metric.MetricType switch
        {
            MetricType.LongSum => (point.GetSumLong(), point.GetSumLong()),
            MetricType.DoubleSum => (point.GetSumDouble(), 1L),
            MetricType.Histogram => (point.GetHistogramSum(), point.GetHistogramCount()),
            MetricType.DoubleGauge => (point.GetGaugeLastValueDouble(), 1L),
            MetricType.LongGauge => (point.GetGaugeLastValueLong(), 1L),
            _ => throw new NotSupportedException($"Metric type {metric.MetricType} of {metric.Name}"),
        };
        return new MetricPointValue(metric.Name, metric.Unit, tags, sum, count);
    }
}
