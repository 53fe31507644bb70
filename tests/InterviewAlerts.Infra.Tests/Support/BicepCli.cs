using System.Diagnostics;
using System.Text.RegularExpressions;

namespace InterviewAlerts.Infra.Tests.Support;

/// <summary>Result of one run of the Bicep CLI.</summary>
internal sealed record BicepResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Diagnostics lines ("path(line,col) : Error|Warning rule: message") from both streams.</summary>
    public IReadOnlyList<string> Diagnostics =>
        (StandardOutput + "\n" + StandardError)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.Contains(" : Error ", StringComparison.Ordinal)
                || line.Contains(" : Warning ", StringComparison.Ordinal))
            .ToList();

    public IReadOnlyList<string> Errors =>
        Diagnostics.Where(line => line.Contains(" : Error ", StringComparison.Ordinal)).ToList();

    public IReadOnlyList<string> Warnings =>
        Diagnostics.Where(line => line.Contains(" : Warning ", StringComparison.Ordinal)).ToList();
}

/// <summary>
/// Runs the Bicep CLI restored from NuGet (Azure.Bicep.CommandLine.linux-x64, a PackageDownload of this
/// project) out of the NuGet package folder. BICEP_PATH overrides the location (e.g. on another OS).
/// </summary>
internal static partial class BicepCli
{
    private const string PackageId = "Azure.Bicep.CommandLine.linux-x64";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private static readonly Lazy<string> Binary = new(Locate);

    public static string Path => Binary.Value;

    public static BicepResult Run(params string[] arguments) => Run(new Dictionary<string, string>(), arguments);

    /// <summary>Runs bicep with extra environment variables (e.g. those a .bicepparam file reads).</summary>
    public static BicepResult Run(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoRoot.Path,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Offline machines: no telemetry, no registry look-ups beyond what the templates ask for.
        startInfo.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {Path}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        process.WaitForExit();
        return new BicepResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static string Locate()
    {
        var overridePath = Environment.GetEnvironmentVariable("BICEP_PATH");
        if (!string.IsNullOrWhiteSpace(overridePath))
        {
            return EnsureExecutable(overridePath);
        }

        var packagesRoot = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (string.IsNullOrWhiteSpace(packagesRoot))
        {
            packagesRoot = System.IO.Path.Combine(
                Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        }

        var version = PackageVersion();
        var binary = System.IO.Path.Combine(packagesRoot, PackageId.ToLowerInvariant(), version, "tools", "bicep");
        if (!File.Exists(binary))
        {
            throw new FileNotFoundException(
                $"Bicep CLI not found at {binary}. Restore tests/InterviewAlerts.Infra.Tests "
                + $"(PackageDownload {PackageId} {version}) or set BICEP_PATH.", binary);
        }

        return EnsureExecutable(binary);
    }

    /// <summary>The exact version of the PackageDownload item in this project's csproj.</summary>
    private static string PackageVersion()
    {
        var csproj = RepoRoot.Combine("tests", "InterviewAlerts.Infra.Tests", "InterviewAlerts.Infra.Tests.csproj");
        var match = PackageDownloadVersion().Match(File.ReadAllText(csproj));
        if (!match.Success)
        {
            throw new InvalidOperationException($"No PackageDownload of {PackageId} with an exact version in {csproj}.");
        }

        return match.Groups["version"].Value;
    }

    private static string EnsureExecutable(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if (!mode.HasFlag(UnixFileMode.UserExecute))
            {
                File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute);
            }
        }

        return path;
    }

    [GeneratedRegex(
        @"PackageDownload\s+Include=""Azure\.Bicep\.CommandLine\.linux-x64""\s+Version=""\[(?<version>[^\]]+)\]""",
        RegexOptions.IgnoreCase)]
    private static partial Regex PackageDownloadVersion();
}
