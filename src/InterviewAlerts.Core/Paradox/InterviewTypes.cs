using System.Globalization;

namespace InterviewAlerts.Core.Paradox;

/// <summary>
/// Paradox's interview types (1–19) and their names. Names are matched ignoring case, spaces, hyphens and
/// underscores, so "PHONE_INTERVIEW", "Phone Interview" and "phone-interview" all mean 2.
/// </summary>
public static class InterviewTypes
{
    public const int Min = 1;
    public const int Max = 19;

    /// <summary>The types that take <c>interview_segments</c>.</summary>
    public static IReadOnlyList<int> Sequential { get; } = [5, 6, 15];

    /// <summary>Paradox's names, by type number.</summary>
    public static IReadOnlyDictionary<int, string> Names { get; } = new Dictionary<int, string>
    {
        [1] = "IN_PERSON_INTERVIEW",
        [2] = "PHONE_INTERVIEW",
        [3] = "IN_PERSON_MEETING",
        [4] = "PHONE_MEETING",
        [5] = "SEQUENTIAL_INTERVIEW",
        [6] = "SEQUENTIAL_MEETING",
        [7] = "VIRTUAL_INTERVIEW",
        [8] = "VIRTUAL_MEETING",
        [9] = "GROUP_INTERVIEW",
        [10] = "PHONE_CONVERSATION",
        [11] = "IN_PERSON_CONVERSATION",
        [12] = "VIRTUAL_CONVERSATION",
        [13] = "IN_PERSON_SESSION",
        [14] = "PHONE_SESSION",
        [15] = "SEQUENTIAL_SESSION",
        [16] = "VIRTUAL_SESSION",
        [17] = "GROUP_SESSION",
        [18] = "INTERVIEW_PREFERENCE",
        [19] = "BREAK",
    };

    private static readonly Dictionary<string, int> NumbersByKey =
        Names.ToDictionary(pair => Key(pair.Value), pair => pair.Key, StringComparer.Ordinal);

    public static bool IsDefined(int type) => type is >= Min and <= Max;

    public static bool IsSequential(int type) => Sequential.Contains(type);

    /// <summary>
    /// Reads a type given by name (see class remarks) or by number text ("2"). True only for a defined
    /// type (1–19); an unknown name or an undefined number gives false.
    /// </summary>
    public static bool TryParse(string text, out int type)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (int.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            type = IsDefined(number) ? number : 0;
            return type != 0;
        }

        return NumbersByKey.TryGetValue(Key(trimmed), out type);
    }

    private static string Key(string name)
    {
        var letters = name.Where(c => c is not (' ' or '-' or '_')).ToArray();
        return new string(letters).ToUpperInvariant();
    }
}
