using Microsoft.Extensions.Configuration;

namespace InterviewAlerts.Core.BrassRing;

/// <summary>
/// Per-manifest mapping configuration, keyed by BrassRing Manifest (case-insensitive); the entry "*" (or "ALL",
/// for app settings whose names cannot hold "*") applies to every manifest, a manifest's own entry wins over it.
/// Bound from configuration section <see cref="SectionName"/>, or loaded from a JSON file of the same shape
/// (<c>{"BrassRing":{"Mappings":{...}}}</c>, see config/brassring-mappings.sample.json).
/// </summary>
public sealed class BrassRingMappingOptions
{
    public const string SectionName = "BrassRing:Mappings";
    public const string AllManifests = "*";
    public const string AllManifestsAlias = "ALL";

    public Dictionary<string, BrassRingManifestMapping> Mappings { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads section "BrassRing:Mappings" of the given configuration root.</summary>
    public static BrassRingMappingOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new BrassRingMappingOptions();
        configuration.GetSection(SectionName).Bind(options.Mappings);
        return options;
    }

    /// <summary>Loads a mapping file (config/brassring-mappings.json). Throws when the file is missing or not JSON.</summary>
    public static BrassRingMappingOptions LoadFile(string path)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.GetFullPath(path), optional: false, reloadOnChange: false)
            .Build();
        return FromConfiguration(configuration);
    }

    /// <summary>The entry for a manifest, if any (exact, case-insensitive).</summary>
    internal BrassRingManifestMapping? ForManifest(string? manifest) =>
        manifest is { Length: > 0 } && Mappings.TryGetValue(manifest, out var mapping) ? mapping : null;

    internal BrassRingManifestMapping? ForAllManifests() =>
        Mappings.TryGetValue(AllManifests, out var all) || Mappings.TryGetValue(AllManifestsAlias, out all) ? all : null;
}

/// <summary>How one manifest's payload maps to Paradox fields.</summary>
public sealed class BrassRingManifestMapping
{
    /// <summary>Paradox field → client element names tried in order; replaces the built-in aliases for that field.</summary>
    public Dictionary<string, List<string>> Fields { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Paradox field → value used when the payload has none (e.g. interview_type 2, interview_duration 30).</summary>
    public Dictionary<string, string> Defaults { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>HR status text (the STATUS element) → Paradox action, e.g. "Cancel Interview" → cancel.</summary>
    public Dictionary<string, string> StatusActions { get; } = new(StringComparer.OrdinalIgnoreCase);
}
