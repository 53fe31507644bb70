using System.Text.Json;

namespace InterviewAlerts.LocalRunner.Hosting;

/// <summary>
/// Reads the "Values" of a Functions local.settings.json into configuration, as Core Tools does
/// ("Paradox__BaseUrl" becomes "Paradox:BaseUrl"), so both ways of running share one settings file.
/// </summary>
public static class LocalSettings
{
    public static IEnumerable<KeyValuePair<string, string?>> Read(string path)
    {
        if (!File.Exists(path)) return [];
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!document.RootElement.TryGetProperty("Values", out var values) || values.ValueKind != JsonValueKind.Object) return [];
        return [.. values.EnumerateObject().Select(p => new KeyValuePair<string, string?>(
            p.Name.Replace("__", ":", StringComparison.Ordinal),
            p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText()))];
    }
}
