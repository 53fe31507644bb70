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
            ["ex_id"] = ["CANDIDATEID"],
            ["first_name"] = ["FIRSTNAME", "CANDIDATEFIRSTNAME"],
            ["last_name"] = ["LASTNAME", "CANDIDATELASTNAME"],
            ["email"] = ["EMAIL", "CANDIDATEMAIL", "CANDIDATEEMAIL"],
            ["phone"] = ["CELLPHONE", "MOBILEPHONE", "HOMEPHONE", "PHONE"],
            ["job_req_id"] = ["BRREQNUMBER", "REQUISITIONNUMBER"],
            ["job_title"] = ["JOBTITLE"],
            ["job_loc_code"] = ["LOCATIONCODE", "JOBLOCATIONCODE"],
            ["interview_type"] = ["INTERVIEWTYPE"],
            ["interview_duration"] = ["INTERVIEWDURATION"],
            ["interview_jobloc_code"] = ["INTERVIEWLOCATIONCODE"],
            ["interviewer_emails"] = ["INTERVIEWEREMAIL", "INTERVIEWEREMAILS"],
            ["interview_owner_email"] = ["RECRUITEREMAIL"],
            ["interview_instructions"] = ["INTERVIEWINSTRUCTIONS"],
        };

    /// <summary>The element that carries the HR status which triggered the export.</summary>
    public const string StatusElement = "STATUS";
}
