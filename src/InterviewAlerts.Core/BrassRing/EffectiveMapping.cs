namespace InterviewAlerts.Core.BrassRing;

/// <summary>
/// The mapping that applies to one manifest: its own entry over the "*" entry over the built-in aliases.
/// A configured field list replaces the built-in aliases for that field entirely.
/// </summary>
internal sealed class EffectiveMapping
{
    private readonly Dictionary<string, List<string>> _fields = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, string> Defaults { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, string> StatusActions { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<string> EntryNames { get; } = [];

    public static EffectiveMapping Resolve(BrassRingMappingOptions options, string? manifest)
    {
        var effective = new EffectiveMapping();
        var own = options.ForManifest(manifest);
        var all = options.ForAllManifests();
        if (own is not null) effective.EntryNames.Add(manifest!);
        if (all is not null && !ReferenceEquals(all, own)) effective.EntryNames.Add(BrassRingMappingOptions.AllManifests);

        // Lower priority first, so the manifest's own entry overwrites "*".
        foreach (var entry in new[] { all, own }.OfType<BrassRingManifestMapping>())
        {
            foreach (var (field, elements) in entry.Fields)
            {
                var names = elements.Where(name => !string.IsNullOrWhiteSpace(name)).Select(name => name.Trim()).ToList();
                if (names.Count > 0) effective._fields[ParadoxFieldCatalog.Canonical(field)] = names;
            }

            foreach (var (field, value) in entry.Defaults) effective.Defaults[ParadoxFieldCatalog.Canonical(field)] = value;
            foreach (var (status, action) in entry.StatusActions) effective.StatusActions[status.Trim()] = action;
        }

        return effective;
    }

    /// <summary>The built-in element names of every catalogued field (exact spelling), computed once: they never change.</summary>
    private static readonly Dictionary<string, IReadOnlyList<string>> BuiltInElements =
        ParadoxFieldCatalog.Names.Concat(BrassRingDefaultAliases.ByParadoxField.Keys)
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(field => field, BuiltInElementsFor, StringComparer.Ordinal);

    /// <summary>Every Paradox field that can be filled: the catalogue in reference order, then configured extras.</summary>
    public IEnumerable<string> ParadoxFieldsInOrder()
    {
        var catalogue = ParadoxFieldCatalog.Names;
        if (_fields.Count == 0) return catalogue;
        return catalogue.Concat(_fields.Keys.Where(field => !catalogue.Contains(field, StringComparer.OrdinalIgnoreCase)));
    }

    /// <summary>
    /// The configured names, or else the built-in aliases followed by the Paradox name itself (last, so that
    /// e.g. a CELLPHONE still beats a generic PHONE).
    /// </summary>
    public IReadOnlyList<string> ElementsFor(string paradoxField)
    {
        if (_fields.TryGetValue(paradoxField, out var configured)) return configured;
        return BuiltInElements.TryGetValue(paradoxField, out var cached) ? cached : BuiltInElementsFor(paradoxField);
    }

    private static IReadOnlyList<string> BuiltInElementsFor(string paradoxField)
    {
        var aliases = BrassRingDefaultAliases.ByParadoxField.TryGetValue(paradoxField, out var builtIn) ? builtIn : [];
        return aliases.Append(paradoxField).Distinct(StringComparer.OrdinalIgnoreCase).ToList().AsReadOnly();
    }
}
