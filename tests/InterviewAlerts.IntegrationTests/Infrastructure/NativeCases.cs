using System.Text;
using System.Text.Json.Nodes;

namespace InterviewAlerts.IntegrationTests.Infrastructure;

/// <summary>A case of tests/corpus/native-requests.json (shared with the core contract tests).</summary>
public sealed record NativeCase(string Name, byte[] Bytes, bool Valid, IReadOnlyList<string> Fields, JsonObject? Paradox, JsonObject? Body)
{
    public override string ToString() => Name;
}

public static class NativeCases
{
    private static readonly Lazy<IReadOnlyDictionary<string, NativeCase>> Cases = new(Load);

    public static NativeCase Get(string name) => Cases.Value[name];

    public static TheoryData<string> Names(bool valid)
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases.Value.Values.Where(c => c.Valid == valid)) data.Add(c.Name);
        return data;
    }

    private static Dictionary<string, NativeCase> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "corpus", "native-requests.json");
        var result = new Dictionary<string, NativeCase>(StringComparer.Ordinal);
        foreach (var item in JsonNode.Parse(File.ReadAllText(path))!.AsArray())
        {
            var entry = item!.AsObject();
            var expect = entry["expect"]!;
            var valid = expect is JsonValue v && v.GetValue<string>() == "valid";
            var body = entry["body"];
            var bytes = Encoding.UTF8.GetBytes(entry["raw"]?.GetValue<string>() ?? body!.ToJsonString());
            var name = entry["name"]!.GetValue<string>();
            result[name] = new NativeCase(
                name,
                bytes,
                valid,
                valid ? [] : [.. expect["fields"]!.AsArray().Select(f => f!.GetValue<string>())],
                entry["paradox"]?.DeepClone().AsObject(),
                body as JsonObject);
        }

        return result;
    }
}
