namespace InterviewAlerts.Core.BrassRing;

/// <summary>
/// The mapping that applies to one manifest: its own entry over the "*" entry over the built-in aliases.
/// A configured field list replaces the built-in aliases for that field entirely.
/// </summary>
internal sealed class EffectiveMapping
{
    private readonly Dictionary<string, List<string>> _fields = new(StringComparer.Ordinal);

    public Dictionary<string, string> Defaults { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> StatusActions { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Client element → (value as sent → value for Paradox), both ignoring case.</summary>
    public Dictionary<string, Dictionary<string, string>> Values { get; } = new(StringComparer.OrdinalIgnoreCase);

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
            foreach (var (field, elements) in entry.Fields) effective._fields[field] = elements;
            foreach (var (field, value) in entry.Defaults) effective.Defaults[field] = value;
            foreach (var (status, action) in entry.StatusActions) effective.StatusActions[status.Trim()] = action;
            foreach (var (element, translations) in entry.Values)
            {
                if (!effective.Values.TryGetValue(element, out var merged))
                {
                    merged = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    effective.Values[element] = merged;
                }

                foreach (var (from, to) in translations) merged[from.Trim()] = to;
            }
        }

        return effective;
    }

    /// <summary>The built-in element names of every catalogued field (exact spelling), computed once: they never change.</summary>
    private static readonly Dictionary<string, IReadOnlyList<string>> BuiltInElements =
        ParadoxFieldCatalog.Names.ToDictionary(field => field, BuiltInElementsFor, StringComparer.Ordinal);

    /// <summary>Every Paradox field that can be filled, in the catalogue's order.</summary>
    public IReadOnlyList<string> ParadoxFieldsInOrder() => ParadoxFieldCatalog.Names;

    /// <summary>
    /// The configured names, or else the built-in aliases followed by the Paradox name itself (last, so that
    /// e.g. a CELLPHONE still beats a generic PHONE).
    /// </summary>
    public IReadOnlyList<string> ElementsFor(string paradoxField)
    {
        if (_fields.TryGetValue(paradoxField, out var configured)) return configured;
        return BuiltInElements.TryGetValue(paradoxField, out var cached) ? cached : BuiltInElementsFor(paradoxField);
    }

    /// <summary>The configured translation of a value read from an element, if any (element and value ignoring case).</summary>
    public bool TryTranslate(string element, string value, out string translated)
    {
        translated = "";
        return Values.TryGetValue(element, out var translations) && translations.TryGetValue(value.Trim(), out translated!);
    }

    private static IReadOnlyList<string> BuiltInElementsFor(string paradoxField)
    {
        var aliases = BrassRingDefaultAliases.ByParadoxField.TryGetValue(paradoxField, out var builtIn) ? builtIn : [];
        return aliases.Append(paradoxField).Distinct(StringComparer.OrdinalIgnoreCase).ToList().AsReadOnly();
    }
}
