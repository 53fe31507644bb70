using System.Text.Json;
using System.Text.Json.Nodes;
using InterviewAlerts.Core.BrassRing;
using InterviewAlerts.Core.Ingest;

namespace InterviewAlerts.Core.Tests.BrassRing;

/// <summary>Runs every file of tests/corpus/brassring through RequestInterpreter and checks expectations.json.</summary>
public sealed class BrassRingCorpusTests
{
    private static readonly string CorpusDirectory = Path.Combine(AppContext.BaseDirectory, "corpus", "brassring");

    private static readonly Lazy<Dictionary<string, JsonObject>> Cases = new(() =>
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(CorpusDirectory, "expectations.json")))!.AsObject();
        return document["cases"]!.AsArray().Select(node => node!.AsObject())
            .ToDictionary(entry => entry["file"]!.GetValue<string>(), StringComparer.Ordinal);
    });

    private static readonly RequestInterpreter Interpreter = new(new BrassRingMapper(
        BrassRingMappingOptions.LoadFile(Path.Combine(AppContext.BaseDirectory, "config", "brassring-mappings.sample.json"))));

    public static TheoryData<string> Files() => [.. Cases.Value.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void Corpus_has_at_least_45_files_and_every_file_has_an_expectation()
    {
        var files = Directory.GetFiles(CorpusDirectory).Select(Path.GetFileName).Where(name => name != "expectations.json").ToList();
        Assert.True(files.Count >= 45, $"only {files.Count} corpus files");
        Assert.Equal(files.Order(StringComparer.Ordinal), Cases.Value.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Corpus_file_is_interpreted_as_expected(string file)
    {
        var expectation = Cases.Value[file];
        var contentType = expectation["contentType"]?.GetValue<string>();
        var interpretation = Interpreter.Interpret(contentType, File.ReadAllBytes(Path.Combine(CorpusDirectory, file)));

        switch (expectation["outcome"]!.GetValue<string>())
        {
            case "accepted": AssertAccepted(expectation, interpretation); break;
            case "rejected": AssertRejected(expectation, interpretation); break;
            case "malformed": AssertMalformed(expectation, interpretation); break;
            case "native": Assert.Equal(RequestShape.Native, interpretation.Shape); break;
            case "unsupported": AssertUnsupported(expectation, interpretation); break;
            default: Assert.Fail($"unknown outcome in expectations for {file}"); break;
        }
    }

    private static void AssertAccepted(JsonObject expectation, Interpretation interpretation)
    {
        Assert.Equal(RequestShape.BrassRing, interpretation.Shape);
        Assert.True(interpretation.IsValid, $"problems: {interpretation.ProblemDescription ?? interpretation.MalformedReason}");
        var actual = interpretation.Request!.ToParadoxJson();
        var expected = expectation["paradox"]!.AsObject();

        Assert.Equal(expected.Select(p => p.Key).Order(StringComparer.Ordinal), actual.Select(p => p.Key).Order(StringComparer.Ordinal));
        foreach (var (field, value) in expected)
        {
            Assert.True(SameText(value, actual[field]), $"{field}: expected {value?.ToJsonString()}, got {actual[field]?.ToJsonString()}");
        }

        if (expectation["ignored"] is JsonArray ignored)
        {
            Assert.Equal(ignored.Select(n => n!.GetValue<string>()), interpretation.Mapping!.IgnoredFields);
        }

        // The answer BrassRing would get mirrors the request and is well-formed.
        var response = BrassRingResponseWriter.Write(interpretation.Envelope, BrassRingStatus.Accepted("t-1"));
        var parsed = System.Xml.Linq.XDocument.Parse(System.Text.Encoding.UTF8.GetString(response));
        Assert.Equal(interpretation.Envelope!.Packets.Count, parsed.Root!.Elements("Packet").Count());
    }

    private static void AssertRejected(JsonObject expectation, Interpretation interpretation)
    {
        Assert.Equal(RequestShape.BrassRing, interpretation.Shape);
        Assert.False(interpretation.IsValid);
        Assert.Null(interpretation.MalformedReason);
        var description = interpretation.ProblemDescription!;
        Assert.True(description.Length <= BrassRingProblemDescriber.MaxLength);
        foreach (var part in Strings(expectation["longDescriptionContains"])) Assert.Contains(part, description, StringComparison.Ordinal);
        foreach (var part in Strings(expectation["longDescriptionExcludes"])) Assert.DoesNotContain(part, description, StringComparison.Ordinal);
        Assert.Equal(405, BrassRingStatus.DataProblem(description).Code);
    }

    /// <summary>Not BrassRing and not JSON (a form without the envelope): 415, whoever sends it.</summary>
    private static void AssertUnsupported(JsonObject expectation, Interpretation interpretation)
    {
        Assert.True(interpretation.UnsupportedMediaType);
        var error = Assert.Single(interpretation.Errors);
        Assert.Equal(expectation["code"]!.GetValue<string>(), error.Code);
        foreach (var part in Strings(expectation["reasonContains"])) Assert.Contains(part, error.Message, StringComparison.Ordinal);
    }

    private static void AssertMalformed(JsonObject expectation, Interpretation interpretation)
    {
        Assert.Equal(RequestShape.BrassRing, interpretation.Shape);
        Assert.False(interpretation.IsValid);
        Assert.NotNull(interpretation.MalformedReason);
        Assert.Equal(expectation["code"]!.GetValue<string>(), Assert.Single(interpretation.Errors).Code);
        foreach (var part in Strings(expectation["reasonContains"])) Assert.Contains(part, interpretation.MalformedReason, StringComparison.Ordinal);
        if (expectation["salvagedTransactId"] is { } transactId)
        {
            Assert.Equal(transactId.GetValue<string>(), interpretation.Envelope?.TransactId);
        }
    }

    private static IEnumerable<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(item => item!.GetValue<string>()) : [];

    /// <summary>Scalars compare by text (30 equals "30"), so the test survives the contract typing more fields.</summary>
    private static bool SameText(JsonNode? expected, JsonNode? actual) => (expected, actual) switch
    {
        (JsonArray e, JsonArray a) => e.Count == a.Count && e.Zip(a).All(pair => SameText(pair.First, pair.Second)),
        (JsonValue e, JsonValue a) => Text(e) == Text(a),
        _ => false,
    };

    private static string Text(JsonValue value) =>
        value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
}
