namespace InterviewAlerts.Core.Validation;

/// <summary>Paradox documents candidate_journey_status as "{stage}: {status}".</summary>
public static class JourneyStatus
{
    public static bool IsWellFormed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            && !text.AsSpan(0, colon).IsWhiteSpace()
            && !text.AsSpan(colon + 1).IsWhiteSpace();
    }
}
