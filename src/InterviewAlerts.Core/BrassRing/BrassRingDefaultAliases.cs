using InterviewAlerts.Core.Paradox;
using InterviewAlerts.Core.Requests;
namespace InterviewAlerts.Core.BrassRing;

/// <summary>
/// Built-in element names per Paradox field, from public BrassRing samples and common client naming.
/// Order matters: the first non-empty one wins (e.g. a cell phone before a home phone).
/// </summary>
internal static class BrassRingDefaultAliases
{
    public static readonly IReadOnlyDictionary<string, string[]> ByParadoxField =
        new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
        {
            [FieldNames.ExId] = ["CANDIDATEID"],
            [FieldNames.FirstName] = ["FIRSTNAME", "CANDIDATEFIRSTNAME"],
            [FieldNames.LastName] = ["LASTNAME", "CANDIDATELASTNAME"],
            [FieldNames.Email] = ["EMAIL", "CANDIDATEMAIL", "CANDIDATEEMAIL"],
            [FieldNames.Phone] = ["CELLPHONE", "MOBILEPHONE", "HOMEPHONE", "PHONE"],
            [FieldNames.JobReqId] = ["BRREQNUMBER", "REQUISITIONNUMBER"],
            [FieldNames.JobTitle] = ["JOBTITLE"],
            [FieldNames.JobLocCode] = ["LOCATIONCODE", "JOBLOCATIONCODE"],
            [FieldNames.InterviewType] = ["INTERVIEWTYPE"],
            [FieldNames.InterviewDuration] = ["INTERVIEWDURATION"],
            [FieldNames.InterviewJoblocCode] = ["INTERVIEWLOCATIONCODE"],
            [FieldNames.InterviewerEmails] = ["INTERVIEWEREMAIL", "INTERVIEWEREMAILS"],
            [FieldNames.InterviewOwnerEmail] = ["RECRUITEREMAIL"],
            [FieldNames.InterviewInstructions] = ["INTERVIEWINSTRUCTIONS"],
        };

    /// <summary>The element that carries the HR status which triggered the export.</summary>
    public const string StatusElement = "STATUS";
}
