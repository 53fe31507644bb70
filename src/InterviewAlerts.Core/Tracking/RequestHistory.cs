namespace InterviewAlerts.Core.Tracking;

/// <summary>The bounded attempt history a record carries (a table property holds at most 32 K characters).</summary>
public static class RequestHistory
{
    /// <summary>How many attempts a record keeps: the last ones.</summary>
    public const int MaxEntries = 20;

    /// <summary>How much of one attempt's detail a record keeps; the dead letter keeps all of it.</summary>
    public const int MaxDetailLength = 1000;

    /// <summary>The history with <paramref name="entry"/> added (its detail shortened), the oldest dropped beyond <see cref="MaxEntries"/>.</summary>
    public static IReadOnlyList<AttemptEntry> Append(IReadOnlyList<AttemptEntry> history, AttemptEntry entry)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(entry);
        var shortened = entry.Detail.Length <= MaxDetailLength ? entry : entry with { Detail = entry.Detail[..MaxDetailLength] + " …" };
        return [.. history.Skip(Math.Max(0, history.Count + 1 - MaxEntries)), shortened];
    }
}
