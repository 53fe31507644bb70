namespace InterviewAlerts.Core.BrassRing.Mappings;

/// <summary>The known name a mistyped one most likely meant, for "did you mean" hints.</summary>
internal static class NearestName
{
    public static string? Find(string name, IEnumerable<string> known)
    {
        var candidates = known.ToList();
        var sameLetters = candidates.FirstOrDefault(candidate => candidate.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (sameLetters is not null) return sameLetters;

        var limit = Math.Max(2, name.Length / 3);
        var close = candidates
            .Select(candidate => (candidate, distance: Distance(name.ToUpperInvariant(), candidate.ToUpperInvariant())))
            .Where(pair => pair.distance <= limit)
            .OrderBy(pair => pair.distance)
            .Select(pair => pair.candidate)
            .FirstOrDefault();

        // Else a name written with more or fewer words, e.g. "phone_number" for "phone".
        return close ?? candidates
            .Where(candidate => candidate.Length >= 4
                && (name.Contains(candidate, StringComparison.OrdinalIgnoreCase) || candidate.Contains(name, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(candidate => candidate.Length)
            .FirstOrDefault();
    }

    /// <summary>Levenshtein distance, one row at a time.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            previous = current;
        }

        return previous[b.Length];
    }

    /// <summary>" (did you mean "X"?)" or nothing.</summary>
    public static string Hint(string name, IEnumerable<string> known) =>
        Find(name, known) is { } nearest ? $" (did you mean \"{nearest}\"?)" : "";
}
