using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace InterviewAlerts.Differential;

/// <summary>The request corpora of tests/corpus, as the bytes and content types they are posted with.</summary>
internal sealed record Corpora(
    IReadOnlyList<JsonObject> NativeObjects,
    IReadOnlyList<(string? ContentType, byte[] Body)> Files)
{
    public static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Functions.sln"))) return directory.FullName;
        }

        throw new InvalidOperationException("Functions.sln not found above the program; pass --repo.");
    }

    public static Corpora Load(string repo)
    {
        var corpus = Path.Combine(repo, "tests", "corpus");
        var natives = new List<JsonObject>();
        var files = new List<(string?, byte[])>();

        foreach (var item in JsonNode.Parse(File.ReadAllText(Path.Combine(corpus, "native-requests.json")))!.AsArray())
        {
            var raw = item!["raw"]?.GetValue<string>();
            var body = raw ?? item["body"]!.ToJsonString();
            files.Add(("application/json", Encoding.UTF8.GetBytes(body)));
            if (item["body"] is JsonObject obj) natives.Add(obj);
        }

        foreach (var path in Directory.GetFiles(Path.Combine(corpus, "brassring")).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (name == "expectations.json") continue;
            var contentType = Path.GetExtension(path) switch
            {
                ".xml" => "text/xml",
                ".form" => "application/x-www-form-urlencoded",
                _ => "application/json",
            };
            files.Add((contentType, File.ReadAllBytes(path)));
        }

        var hostile = Path.Combine(corpus, "hostile");
        using var cases = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(hostile, "cases.json")));
        foreach (var item in cases.RootElement.GetProperty("cases").EnumerateArray())
        {
            var contentType = item.GetProperty("contentType").GetString();
            files.Add((contentType, File.ReadAllBytes(Path.Combine(hostile, "files", item.GetProperty("file").GetString()!))));
        }

        return new Corpora(natives, files);
    }
}
