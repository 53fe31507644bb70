using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Requests;

namespace InterviewAlerts.Benchmarks;

/// <summary>
/// Detect + parse + map + validate (<see cref="RequestInterpreter.Interpret"/>) per request, beside a baseline that
/// only parses the same bytes with the framework's parsers; and the same followed by what ingest does to render the
/// Paradox body (<see cref="InterviewRequest.ToParadoxUtf8"/>): the whole CPU cost of accepting a request, which should
/// stay within 5 % of ingest's p50 on loopback.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class InterpretBenchmarks
{
    private const string OnePacket = "BrassRing XML, 1 packet";
    private const string TwoPackets = "BrassRing XML, 2 packets";
    private const string TwoPacketsJson = "BrassRing JSON, 2 packets";
    private const string Native = "Native JSON, every field";

    /// <summary>The same hardening as the adapter's reader, so the baseline does not do less safe work.</summary>
    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    private readonly RequestInterpreter _interpreter = new();
    private readonly byte[] _onePacket = Samples.OnePacketEnvelope;
    private readonly byte[] _twoPackets = Samples.TwoPacketEnvelope;
    private readonly byte[] _twoPacketsJson = Samples.TwoPacketEnvelopeJson;
    private readonly byte[] _native = Samples.FullNativeRequest;

    [GlobalSetup]
    public void CheckInputs()
    {
        // A benchmark of a rejected request would measure the error path: refuse to run on a bad input.
        foreach (var (name, contentType, body) in new[]
        {
            (OnePacket, "text/xml", _onePacket), (TwoPackets, "text/xml", _twoPackets),
            (TwoPacketsJson, "application/json", _twoPacketsJson), (Native, "application/json", _native),
        })
        {
            var interpretation = _interpreter.Interpret(contentType, body);
            if (!interpretation.IsValid)
                throw new InvalidOperationException($"{name}: the sample is not valid: {string.Join("; ", interpretation.Errors.Select(e => e.Message))}");
        }
    }

    [Benchmark(Baseline = true, Description = "parse only (XmlReader→XDocument, outer + CDATA)")]
    [BenchmarkCategory(OnePacket)]
    public int OnePacketParseOnly() => ParseEnvelopeXml(_onePacket);

    [Benchmark(Description = "Interpret")]
    [BenchmarkCategory(OnePacket)]
    public int OnePacketInterpret() => Interpret("text/xml", _onePacket);

    [Benchmark(Description = "Interpret + render Paradox body")]
    [BenchmarkCategory(OnePacket)]
    public int OnePacketInterpretAndRender() => InterpretAndRender("text/xml", _onePacket);

    [Benchmark(Baseline = true, Description = "parse only (XmlReader→XDocument, outer + CDATA)")]
    [BenchmarkCategory(TwoPackets)]
    public int TwoPacketsParseOnly() => ParseEnvelopeXml(_twoPackets);

    [Benchmark(Description = "Interpret")]
    [BenchmarkCategory(TwoPackets)]
    public int TwoPacketsInterpret() => Interpret("text/xml", _twoPackets);

    [Benchmark(Description = "Interpret + render Paradox body")]
    [BenchmarkCategory(TwoPackets)]
    public int TwoPacketsInterpretAndRender() => InterpretAndRender("text/xml", _twoPackets);

    [Benchmark(Baseline = true, Description = "parse only (JsonDocument + XDocument per payload)")]
    [BenchmarkCategory(TwoPacketsJson)]
    public int TwoPacketsJsonParseOnly() => ParseEnvelopeJson(_twoPacketsJson);

    [Benchmark(Description = "Interpret")]
    [BenchmarkCategory(TwoPacketsJson)]
    public int TwoPacketsJsonInterpret() => Interpret("application/json", _twoPacketsJson);

    [Benchmark(Description = "Interpret + render Paradox body")]
    [BenchmarkCategory(TwoPacketsJson)]
    public int TwoPacketsJsonInterpretAndRender() => InterpretAndRender("application/json", _twoPacketsJson);

    [Benchmark(Baseline = true, Description = "parse only (JsonDocument)")]
    [BenchmarkCategory(Native)]
    public int NativeParseOnly()
    {
        using var document = JsonDocument.Parse(_native);
        return document.RootElement.GetPropertyCount();
    }

    [Benchmark(Description = "Interpret")]
    [BenchmarkCategory(Native)]
    public int NativeInterpret() => Interpret("application/json", _native);

    [Benchmark(Description = "Interpret + render Paradox body")]
    [BenchmarkCategory(Native)]
    public int NativeInterpretAndRender() => InterpretAndRender("application/json", _native);

    private int Interpret(string contentType, byte[] body) => _interpreter.Interpret(contentType, body).Errors.Count;

    /// <summary>As ingest renders an accepted request: the Paradox body, serialized once to its UTF-8 bytes.</summary>
    private int InterpretAndRender(string contentType, byte[] body) =>
        _interpreter.Interpret(contentType, body).Request!.ToParadoxUtf8().Length;

    /// <summary>The least work that reads an envelope: the outer document, then each Payload's inner document.</summary>
    private static int ParseEnvelopeXml(byte[] body)
    {
        using var stream = new MemoryStream(body, writable: false);
        using var reader = XmlReader.Create(stream, XmlSettings);
        var envelope = XDocument.Load(reader);
        var count = 0;
        foreach (var payload in envelope.Root!.Elements("Packet").Elements("Payload"))
        {
            count += ParseInnerXml(payload.Value);
        }

        return count;
    }

    /// <summary>The JSON rendering: the JSON document, then each Payload string's inner XML document.</summary>
    private static int ParseEnvelopeJson(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var count = 0;
        foreach (var packet in document.RootElement.GetProperty("Packet").EnumerateArray())
        {
            count += ParseInnerXml(packet.GetProperty("Payload").GetString()!);
        }

        return count;
    }

    private static int ParseInnerXml(string text)
    {
        using var reader = XmlReader.Create(new StringReader(text.Trim()), XmlSettings);
        return XDocument.Load(reader).Root!.Elements().Count();
    }
}
