using System.Text;
using System.Text.Json.Nodes;

namespace InterviewAlerts.Core.Tests.Ingest;

/// <summary>One case of tests/corpus/native-requests.json.</summary>
public sealed record CorpusCase(
    string Name,
    JsonNode? Body,
    string? Raw,
    bool ExpectValid,
    IReadOnlyList<string> ExpectedFields,
    JsonObject? Paradox,
    bool SchemaCannotTell)
{
    /// <summary>The bytes as an integrator would send them.</summary>
    public byte[] Bytes => Encoding.UTF8.GetBytes(Raw ?? Body!.ToJsonString());

    public override string ToString() => Name;
}

/// <summary>Loads the shared request corpus, copied next to the test assembly by the csproj.</summary>
public static class NativeCorpus
{
    private static readonly Lazy<IReadOnlyDictionary<string, CorpusCase>> Cases = new(Load);

    public static IReadOnlyCollection<CorpusCase> All => [.. Cases.Value.Values];

    public static CorpusCase Get(string name) => Cases.Value[name];

    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var name in Cases.Value.Keys) names.Add(name);
        return names;
    }

    private static Dictionary<string, CorpusCase> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "corpus", "native-requests.json");
        var cases = new Dictionary<string, CorpusCase>(StringComparer.Ordinal);
        foreach (var item in JsonNode.Parse(File.ReadAllText(path))!.AsArray())
        {
            var entry = item!.AsObject();
            var expect = entry["expect"]!;
            var expectValid = expect is JsonValue value && value.GetValue<string>() == "valid";
            var fields = expectValid ? [] : expect["fields"]!.AsArray().Select(field => field!.GetValue<string>()).ToList();
            var name = entry["name"]!.GetValue<string>();
            cases.Add(name, new CorpusCase(
                name,
                entry.ContainsKey("body") ? entry["body"]?.DeepClone() : null,
                entry["raw"]?.GetValue<string>(),
                expectValid,
                fields,
                entry["paradox"]?.AsObject().DeepClone().AsObject(),
                entry["schemaCannotTell"]?.GetValue<bool>() ?? false));
        }

        return cases;
    }
}
