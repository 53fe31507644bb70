using System.Globalization;
using System.Text;
using InterviewAlerts.IntegrationTests.Infrastructure;

namespace InterviewAlerts.LoadTest.Infrastructure;

/// <summary>Where results go: CSV + Markdown fragments under docs/evidence (committed); logs under artifacts/ (not committed).</summary>
internal static class Evidence
{
    public static string Directory { get; } = Path.Combine(RepositoryRoot.Path, "docs", "evidence");

    public static string ArtifactsDirectory { get; } = Path.Combine(RepositoryRoot.Path, "artifacts", "loadtest");

    public static string Csv(string name, IEnumerable<string> header, IEnumerable<IEnumerable<object?>> rows)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var text = new StringBuilder();
        text.AppendJoin(',', header).Append('\n');
        foreach (var row in rows) text.AppendJoin(',', row.Select(Cell)).Append('\n');
        var path = Path.Combine(Directory, name + ".csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    public static string Markdown(string name, string content)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, name + ".md");
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        return path;
    }

    public static string F(double value, int decimals = 1) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        float f => f.ToString("0.###", CultureInfo.InvariantCulture),
        IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
        string s when s.Contains(',', StringComparison.Ordinal) || s.Contains('"', StringComparison.Ordinal) => "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
        _ => value.ToString() ?? "",
    };

    /// <summary>A one-line description of the machine, for the report.</summary>
    public static string Machine()
    {
        var model = ReadFirst("/proc/cpuinfo", "model name") ?? "unknown CPU";
        var memory = ReadFirst("/proc/meminfo", "MemTotal") ?? "?";
        return $"{model}, {Environment.ProcessorCount} logical cores, MemTotal {memory}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    private static string? ReadFirst(string file, string key)
    {
        if (!File.Exists(file)) return null;
        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
