namespace InterviewAlerts.Core.BrassRing;

/// <summary>
/// Per-manifest mapping configuration, keyed by BrassRing Manifest (case-insensitive); the entry "*" (or "ALL",
/// for app settings whose names cannot hold "*") applies to every manifest, a manifest's own entry wins over it.
/// Read and checked by <see cref="InterviewAlerts.Core.BrassRing.Mappings.BrassRingMappingLoader"/> from a mapping file
/// (<c>{"BrassRing":{"Mappings":{...}}}</c>, see config/brassring-mappings.sample.json) or from app settings
/// (section <see cref="SectionName"/>).
/// </summary>
public sealed class BrassRingMappingOptions
{
    public const string SectionName = "BrassRing:Mappings";
    public const string AllManifests = "*";
    public const string AllManifestsAlias = "ALL";

    public Dictionary<string, BrassRingManifestMapping> Mappings { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Loads and checks a mapping file; throws <see cref="InvalidDataException"/> listing every problem.</summary>
    public static BrassRingMappingOptions LoadFile(string path)
    {
        var load = InterviewAlerts.Core.BrassRing.Mappings.BrassRingMappingLoader.FromFile(path);
        return load.IsValid ? load.Options : throw new InvalidDataException(load.Describe());
    }

    /// <summary>The entry for a manifest, if any (exact, case-insensitive).</summary>
    internal BrassRingManifestMapping? ForManifest(string? manifest) =>
        manifest is { Length: > 0 } && Mappings.TryGetValue(manifest, out var mapping) ? mapping : null;

    internal BrassRingManifestMapping? ForAllManifests() =>
        Mappings.TryGetValue(AllManifests, out var all) || Mappings.TryGetValue(AllManifestsAlias, out all) ? all : null;
}
