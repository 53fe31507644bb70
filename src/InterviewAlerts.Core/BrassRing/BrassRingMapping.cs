using System.Text.Json.Nodes;

namespace InterviewAlerts.Core.BrassRing;

/// <summary>The result of mapping an envelope to Paradox field names, with where each value came from.</summary>
public sealed record BrassRingMapping
{
    /// <summary>Loose Paradox request: Paradox field names, values as received (strings), ready for RequestNormalizer.</summary>
    public required JsonObject Request { get; init; }

    /// <summary>Paradox field → the client's element name it came from (fields filled by defaults are absent).</summary>
    public required IReadOnlyDictionary<string, string> SourceFields { get; init; }

    /// <summary>The candidate packet's Manifest, which selected the mapping configuration.</summary>
    public string? Manifest { get; init; }

    /// <summary>Payload elements not sent to Paradox (client fields, or losers to a higher-priority alias).</summary>
    public IReadOnlyList<string> IgnoredFields { get; init; } = [];

    /// <summary>Paradox field → the element names that were looked for, in order; used to explain a missing field.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ElementsLookedFor { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Paradox fields filled from configured defaults (or the built-in action "interview").</summary>
    public IReadOnlyList<string> DefaultedFields { get; init; } = [];

    /// <summary>The configured value translations applied, in field order (values of personal fields not shown).</summary>
    public IReadOnlyList<ValueTranslation> Translations { get; init; } = [];

    /// <summary>The configuration entries applied: the manifest's own and/or "*"; empty when only built-ins were used.</summary>
    public IReadOnlyList<string> ConfigurationEntries { get; init; } = [];
}
