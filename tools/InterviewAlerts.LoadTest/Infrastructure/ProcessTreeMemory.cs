using System.Globalization;

namespace InterviewAlerts.LoadTest.Infrastructure;

/// <summary>
/// The resident set (VmRSS in /proc/&lt;pid&gt;/status) of a process and all its descendants, in MiB: under the Functions
/// host that is the host and the .NET worker it starts, as the instance's memory limit counts them. Linux only.
/// </summary>
internal static class ProcessTreeMemory
{
    public static double ResidentMiB(int rootPid) => Tree(rootPid).Sum(ResidentKiB) / 1024.0;

    /// <summary>The root process alone (the Functions host, without its worker).</summary>
    public static double RootResidentMiB(int rootPid) => ResidentKiB(rootPid) / 1024.0;

    /// <summary>The root and every process whose parent chain leads to it.</summary>
    public static IReadOnlyList<int> Tree(int rootPid)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            var parent = ParentOf(pid);
            if (parent is null) continue;
            if (!children.TryGetValue(parent.Value, out var list)) children[parent.Value] = list = [];
            list.Add(pid);
        }

        var tree = new List<int> { rootPid };
        for (var i = 0; i < tree.Count; i++)
        {
            if (children.TryGetValue(tree[i], out var list)) tree.AddRange(list);
        }

        return tree;
    }

    private static int? ParentOf(int pid)
    {
        try
        {
            // Field 4 of /proc/<pid>/stat, after the command name in parentheses (which may itself hold spaces).
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null; // gone meanwhile
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long ResidentKiB(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
