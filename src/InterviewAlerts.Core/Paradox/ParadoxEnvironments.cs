namespace InterviewAlerts.Core.Paradox;

/// <summary>Paradox's published API hosts, selectable by name.</summary>
public static class ParadoxEnvironments
{
    private static readonly Dictionary<string, Uri> Hosts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["us-production"] = new("https://api.paradox.ai/"),
        ["us-staging"] = new("https://stgapi.paradox.ai/"),
        ["us-test"] = new("https://testapi.paradox.ai/"),
        ["us-dev"] = new("https://dev2api.paradox.ai/"),
        ["eu-production"] = new("https://api.eu1.paradox.ai/"),
        ["eu-staging"] = new("https://api.stg.eu1.paradox.ai/"),
    };

    public static IEnumerable<string> Names => Hosts.Keys;

    public static bool TryResolve(string? name, out Uri baseUrl)
    {
        baseUrl = null!;
        return name is not null && Hosts.TryGetValue(name.Trim(), out baseUrl!);
    }
}
