namespace InterviewAlerts.Core.BrassRing;

/// <summary>How one manifest's payload maps to Paradox fields.</summary>
public sealed class BrassRingManifestMapping
{
    /// <summary>Paradox field → client element names tried in order; replaces the built-in aliases for that field.</summary>
    public Dictionary<string, List<string>> Fields { get; } = new(StringComparer.Ordinal);

    /// <summary>Paradox field → value used when the payload has none (e.g. interview_type 2, interview_duration 30).</summary>
    public Dictionary<string, string> Defaults { get; } = new(StringComparer.Ordinal);

    /// <summary>HR status text (the STATUS element) → Paradox action, e.g. "Cancel Interview" → cancel.</summary>
    public Dictionary<string, string> StatusActions { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Client element → (value as sent → value for Paradox), e.g. INTERVIEWTYPE: "Video Call" → 7. Element names
    /// and values match ignoring case; applied before the value is read as a Paradox field.
    /// </summary>
    public Dictionary<string, Dictionary<string, string>> Values { get; } = new(StringComparer.OrdinalIgnoreCase);
}
