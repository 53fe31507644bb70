namespace InterviewAlerts.Core.BrassRing.Mappings;

/// <summary>
/// Checks configured value translations against the mapping they live in: each translated element must be read
/// for some Paradox field (else its translations never apply), and each translated value must pass the rules of
/// every field that element can fill, under every manifest the entry applies to.
/// </summary>
internal static class TranslationTargets
{
    public static void Check(BrassRingMappingOptions options, MappingPath mappingsPath, MappingDocumentReader reader)
    {
        foreach (var (entryName, entry) in options.Mappings)
        {
            var manifests = AppliesTo(options, entryName);
            foreach (var (element, translations) in entry.Values)
            {
                var elementPath = mappingsPath.Property(entryName).Property(MappingDocumentReader.ValuesKey).Property(element);
                var fields = manifests
                    .Select(manifest => EffectiveMapping.Resolve(options, manifest))
                    .SelectMany(mapping => mapping.ParadoxFieldsInOrder().Where(field => mapping.ElementsFor(field).Contains(element, StringComparer.OrdinalIgnoreCase)))
                    .Distinct(StringComparer.Ordinal)
                    .ToList();

                if (fields.Count == 0)
                {
                    reader.Add(elementPath, $"the element \"{element}\" is not read for any Paradox field here, so its values are never translated.",
                        element.Equals(BrassRingDefaultAliases.StatusElement, StringComparison.OrdinalIgnoreCase)
                            ? "map HR status texts to actions under StatusActions instead"
                            : $"add \"{element}\" under Fields for the Paradox field it carries, or remove the translation");
                    continue;
                }

                foreach (var (from, to) in translations)
                {
                    foreach (var field in fields)
                    {
                        reader.CheckFieldValue(field, to, elementPath.Property(from), $"the translation to \"{to}\" for {field}",
                            $"translate \"{from}\" to a value {field} accepts");
                    }
                }
            }
        }
    }

    /// <summary>The manifests an entry takes part in: itself, or for "*" every manifest (and manifests without an entry).</summary>
    private static IEnumerable<string?> AppliesTo(BrassRingMappingOptions options, string entryName)
    {
        var isAll = entryName == BrassRingMappingOptions.AllManifests
            || entryName.Equals(BrassRingMappingOptions.AllManifestsAlias, StringComparison.OrdinalIgnoreCase);
        if (!isAll) return [entryName];
        return options.Mappings.Keys.Where(name => name != entryName).Prepend(null);
    }
}
