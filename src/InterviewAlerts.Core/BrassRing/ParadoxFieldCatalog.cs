using InterviewAlerts.Core.Paradox;
using InterviewAlerts.Core.Requests;

namespace InterviewAlerts.Core.BrassRing;

/// <summary>
/// Paradox field names as BrassRing mapping sees them: an element named exactly like one of these maps to it,
/// and a mapping configuration may name only these.
/// </summary>
internal static class ParadoxFieldCatalog
{
    public static IReadOnlyList<string> Names => FieldNames.All;

    public static bool IsKnown(string name) => Names.Contains(name, StringComparer.Ordinal);

    /// <summary>Fields holding candidate personal data: their values are never quoted in descriptions.</summary>
    public static readonly HashSet<string> Personal = new(StringComparer.OrdinalIgnoreCase)
    {
        FieldNames.FirstName, FieldNames.LastName, FieldNames.Phone, FieldNames.Email, FieldNames.Resume, FieldNames.Note, FieldNames.ExId,
        FieldNames.JobApplicationId, FieldNames.Oid,
    };
}
