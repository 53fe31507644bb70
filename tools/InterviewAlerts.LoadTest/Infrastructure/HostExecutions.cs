using System.Globalization;
using System.Text.RegularExpressions;

namespace InterviewAlerts.LoadTest.Infrastructure;

/// <summary>The executions the Functions host logged ("Executed 'Functions.X' (Succeeded, Id=…, Duration=12ms)"), per function.</summary>
internal static partial class HostExecutions
{
    public static IReadOnlyDictionary<string, List<double>> Read(string logPath)
    {
        var durations = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        using var stream = new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var match = Executed().Match(line);
            if (!match.Success) continue;
            var name = match.Groups[1].Value;
            if (!durations.TryGetValue(name, out var list)) durations[name] = list = [];
            list.Add(double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
        }

        return durations;
    }

    [GeneratedRegex(@"Executed 'Functions\.([A-Za-z]+)' \(Succeeded, Id=[^,]+, Duration=([0-9.]+)ms\)", RegexOptions.CultureInvariant)]
    private static partial Regex Executed();
}
