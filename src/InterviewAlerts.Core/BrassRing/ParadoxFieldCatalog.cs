using InterviewAlerts.Core.Requests;

namespace InterviewAlerts.Core.BrassRing;

/// <summary>
/// Paradox field names as BrassRing mapping sees them: an element named exactly like one of these maps to it.
/// </summary>
internal static class ParadoxFieldCatalog
{
    public static IReadOnlyList<string> Names => FieldNames.All;

    /// <summary>The catalogue's spelling of a field name written in any case; unknown names are kept as written.</summary>
    public static string Canonical(string name)
    {
        var trimmed = name.Trim();
        return Names.FirstOrDefault(known => known.Equals(trimmed, StringComparison.OrdinalIgnoreCase)) ?? trimmed;
    }

    /// <summary>Fields holding candidate personal data: their values are never quoted in descriptions.</summary>
    public static readonly HashSet<string> Personal = new(StringComparer.OrdinalIgnoreCase)
    {
        FieldNames.FirstName, FieldNames.LastName, FieldNames.Phone, FieldNames.Email, FieldNames.Resume, FieldNames.Note, FieldNames.ExId,
        FieldNames.JobApplicationId, FieldNames.Oid,
    };
}
