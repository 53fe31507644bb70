namespace InterviewAlerts.Core.BrassRing;

/// <summary>
/// Turns interview type names ("Phone Interview", "PHONE_INTERVIEW", "phone-interview") into Paradox's number.
/// </summary>
/// <remarks>
/// TODO: replace with InterviewAlerts.Core.Requests.InterviewTypes.TryParse(string, out int) once the contract
/// branch lands on main; this private copy of the 19 names only bridges until then.
/// </remarks>
internal static class BrassRingInterviewTypeNames
{
    private static readonly string[] NamesByNumber =
    [
        "IN_PERSON_INTERVIEW", "PHONE_INTERVIEW", "IN_PERSON_MEETING", "PHONE_MEETING", "SEQUENTIAL_INTERVIEW",
        "SEQUENTIAL_MEETING", "VIRTUAL_INTERVIEW", "VIRTUAL_MEETING", "GROUP_INTERVIEW", "PHONE_CONVERSATION",
        "IN_PERSON_CONVERSATION", "VIRTUAL_CONVERSATION", "IN_PERSON_SESSION", "PHONE_SESSION", "SEQUENTIAL_SESSION",
        "VIRTUAL_SESSION", "GROUP_SESSION", "INTERVIEW_PREFERENCE", "BREAK",
    ];

    private static readonly Dictionary<string, int> NumberByKey = NamesByNumber
        .Select((name, index) => (Key: Key(name), Number: index + 1))
        .ToDictionary(pair => pair.Key, pair => pair.Number, StringComparer.Ordinal);

    public static bool TryParse(string name, out int number) => NumberByKey.TryGetValue(Key(name), out number);

    /// <summary>Upper-case letters only, so spaces, underscores, hyphens and case do not matter.</summary>
    private static string Key(string name) => string.Concat(name.Where(char.IsLetter)).ToUpperInvariant();
}
