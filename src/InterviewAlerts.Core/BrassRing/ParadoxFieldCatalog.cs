namespace InterviewAlerts.Core.BrassRing;

/// <summary>
/// Paradox "Send interview alerts" body field names in the reference order. An element named exactly like one
/// of these maps to it. Kept here until Requests.FieldNames lists the full contract.
/// </summary>
internal static class ParadoxFieldCatalog
{
    public static readonly string[] Names =
    [
        "OID", "ex_id", "job_application_id", "use_application_id_for_identity", "action", "interview_duration",
        "interview_type", "interview_segments", "interviewer_emails", "interviewer_ex_ids", "interview_team",
        "alternate_interview_team", "interviewer_ids", "interview_jobloc_code", "interview_jobloc_room_id",
        "interview_jobloc_id", "interview_location_address", "interview_instructions", "candidate_interview_prep_ex_id",
        "recruiter_interview_prep_ex_id", "interview_owner_email", "generate_virtual_url", "private", "first_name",
        "last_name", "phone", "email", "job_title", "job_req_id", "job_loc_code", "candidate_journey",
        "candidate_journey_status", "sequential_order_automation", "recorded_interview_id", "interview_jobloc_room_ex_id",
        "interview_jobloc_room_email", "resume", "force_sequent_multi_days", "note", "attendee_count",
        "use_paradox_status_map", "status_map_name", "status_map_ex_id", "primary_contact_method", "debrief",
    ];

    /// <summary>The catalogue's spelling of a field name written in any case; unknown names are kept as written.</summary>
    public static string Canonical(string name)
    {
        var trimmed = name.Trim();
        return Array.Find(Names, known => known.Equals(trimmed, StringComparison.OrdinalIgnoreCase)) ?? trimmed;
    }

    /// <summary>Fields holding candidate personal data: their values are never quoted in descriptions.</summary>
    public static readonly HashSet<string> Personal = new(StringComparer.OrdinalIgnoreCase)
    {
        "first_name", "last_name", "phone", "email", "resume", "note", "ex_id", "job_application_id", "OID",
    };
}
