namespace InterviewAlerts.LoadTest.Infrastructure;

/// <summary>How a build of the adapter is run for a measurement.</summary>
internal enum AdapterKind
{
    /// <summary>A published app (dotnet publish output) under the Azure Functions host.</summary>
    FunctionsHost,

    /// <summary>The local runner's built InterviewAlerts.LocalRunner.dll, in a process of its own.</summary>
    LocalRunner,

    /// <summary>The load tool itself serving its baseline endpoints on this checkout's local runner, in a process of its own.</summary>
    Baselines,
}

/// <summary>
/// One build to measure, written <c>label=host:/publish/folder</c> or <c>label=runner:/path/InterviewAlerts.LocalRunner.dll</c>
/// on the command line (for instance the current build beside a baseline build of an earlier commit).
/// </summary>
internal sealed record AdapterTarget(string Label, AdapterKind Kind, string Path)
{
    public static AdapterTarget Parse(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (equals <= 0 || colon < equals) throw new ArgumentException($"A target is label=host:<publish folder> or label=runner:<LocalRunner dll>, not \"{text}\".");
        var kind = text[(equals + 1)..colon] switch
        {
            "host" => AdapterKind.FunctionsHost,
            "runner" => AdapterKind.LocalRunner,
            var other => throw new ArgumentException($"Unknown target kind \"{other}\" (host or runner)."),
        };
        var path = System.IO.Path.GetFullPath(text[(colon + 1)..]);
        if (!File.Exists(path) && !Directory.Exists(path)) throw new ArgumentException($"Target {text[..equals]}: {path} does not exist.");
        return new AdapterTarget(text[..equals], kind, path);
    }
}
