using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using InterviewAlerts.Core.BrassRing;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Requests;
using InterviewAlerts.Core.Validation;

namespace InterviewAlerts.Benchmarks;

/// <summary>
/// Where the time of <see cref="InterpretBenchmarks"/> goes: each stage of the interpreter alone, on the
/// one-packet envelope and on the full native request. For profiling; the report's table is InterpretBenchmarks.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class StageBenchmarks
{
    private const string Xml = "Stages, BrassRing XML, 1 packet";
    private const string Json = "Stages, native JSON";

    private readonly byte[] _envelopeBytes = Samples.OnePacketEnvelope;
    private readonly byte[] _nativeBytes = Samples.FullNativeRequest;
    private readonly BrassRingMapper _mapper = new(new BrassRingMappingOptions());
    private BrassRingEnvelope _envelope = null!;
    private BrassRingMapping _mapping = null!;
    private JsonObject _native = null!;
    private NormalizationResult _mapped = null!;
    private NormalizationResult _normalized = null!;
    private InterviewRequest _request = null!;

    [GlobalSetup]
    public void Prepare()
    {
        _envelope = BrassRingEnvelopeReader.Read("text/xml", _envelopeBytes).Envelope!;
        _mapping = _mapper.Map(_envelope);
        _mapped = RequestNormalizer.Normalize(_mapping.Request);
        _native = NativeJsonReader.Read(_nativeBytes).Body!;
        _normalized = RequestNormalizer.Normalize(_native);
        _request = _normalized.Request!;
    }

    [Benchmark, BenchmarkCategory(Xml)]
    public BrassRingReadResult XmlRead() => BrassRingEnvelopeReader.Read("text/xml", _envelopeBytes);

    [Benchmark, BenchmarkCategory(Xml)]
    public BrassRingMapping XmlMap() => _mapper.Map(_envelope);

    [Benchmark, BenchmarkCategory(Xml)]
    public NormalizationResult XmlNormalize() => RequestNormalizer.Normalize(_mapping.Request);

    [Benchmark, BenchmarkCategory(Xml)]
    public IReadOnlyList<FieldError> XmlValidate() => RequestErrors.Collect(_mapped);

    [Benchmark, BenchmarkCategory(Xml)]
    public byte[] XmlRender() => _mapped.Request!.ToParadoxUtf8();

    [Benchmark, BenchmarkCategory(Json)]
    public JsonReadResult NativeRead() => NativeJsonReader.Read(_nativeBytes);

    [Benchmark, BenchmarkCategory(Json)]
    public NormalizationResult NativeNormalize() => RequestNormalizer.Normalize(_native);

    [Benchmark, BenchmarkCategory(Json)]
    public IReadOnlyList<FieldError> NativeValidate() => RequestErrors.Collect(_normalized);

    [Benchmark, BenchmarkCategory(Json)]
    public byte[] NativeRender() => _request.ToParadoxUtf8();
}
