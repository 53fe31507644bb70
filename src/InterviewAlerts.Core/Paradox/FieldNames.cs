namespace InterviewAlerts.Core.Paradox;

/// <summary>
/// Paradox body field names of "Send interview alerts", in the order of Paradox's own page (seed order).
/// The rendered page lost the names; they were rebuilt from other Paradox pages
/// (docs/integrators/native-json.md gives the confidence of each). Names marked UNCERTAIN are best guesses:
/// change them here and only here.
/// </summary>
public static class FieldNames
{
    public const string Oid = "OID";
    public const string ExId = "ex_id";
    public const string JobApplicationId = "job_application_id";
    public const string UseApplicationIdForIdentity = "use_application_id_for_identity";
    public const string Action = "action";
    public const string InterviewDuration = "interview_duration";
    public const string InterviewType = "interview_type";

    /// <summary>UNCERTAIN (inferred, low confidence): "The API ID of the custom interview type".</summary>
    public const string CustomInterviewTypeId = "custom_interview_type_id";

    public const string InterviewSegments = "interview_segments";
    public const string InterviewerEmails = "interviewer_emails";
    public const string InterviewerExIds = "interviewer_ex_ids";
    public const string InterviewTeam = "interview_team";
    public const string AlternateInterviewTeam = "alternate_interview_team";
    public const string InterviewerIds = "interviewer_ids";
    public const string InterviewJoblocCode = "interview_jobloc_code";
    public const string InterviewJoblocRoomId = "interview_jobloc_room_id";
    public const string InterviewJoblocId = "interview_jobloc_id";
    public const string InterviewLocationAddress = "interview_location_address";
    public const string InterviewInstructions = "interview_instructions";
    public const string CandidateInterviewPrepExId = "candidate_interview_prep_ex_id";
    public const string RecruiterInterviewPrepExId = "recruiter_interview_prep_ex_id";
    public const string InterviewOwnerEmail = "interview_owner_email";
    public const string GenerateVirtualUrl = "generate_virtual_url";
    public const string Private = "private";
    public const string FirstName = "first_name";
    public const string LastName = "last_name";
    public const string Phone = "phone";
    public const string Email = "email";

    /// <summary>UNCERTAIN (inferred, low confidence): "Job name".</summary>
    public const string JobTitle = "job_title";

    public const string JobReqId = "job_req_id";
    public const string JobLocCode = "job_loc_code";
    public const string CandidateJourney = "candidate_journey";
    public const string CandidateJourneyStatus = "candidate_journey_status";
    public const string SequentialOrderAutomation = "sequential_order_automation";
    public const string RecordedInterviewId = "recorded_interview_id";
    public const string InterviewJoblocRoomExId = "interview_jobloc_room_ex_id";
    public const string InterviewJoblocRoomEmail = "interview_jobloc_room_email";
    public const string Resume = "resume";
    public const string ForceSequentMultiDays = "force_sequent_multi_days";

    /// <summary>UNCERTAIN (inferred, low confidence): field #40, "only apply for is_kenexa_request".</summary>
    public const string InterviewOwnerExId = "interview_owner_ex_id";

    public const string Note = "note";
    public const string AttendeeCount = "attendee_count";
    public const string UseParadoxStatusMap = "use_paradox_status_map";
    public const string StatusMapName = "status_map_name";
    public const string StatusMapExId = "status_map_ex_id";
    public const string PrimaryContactMethod = "primary_contact_method";
    public const string Debrief = "debrief";

    /// <summary>Not a body field: the name under which "Paradox cannot identify the candidate" is reported.</summary>
    public const string Candidate = "candidate";

    /// <summary>Every body field, in seed order (47 names).</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Oid, ExId, JobApplicationId, UseApplicationIdForIdentity, Action, InterviewDuration, InterviewType,
        CustomInterviewTypeId, InterviewSegments, InterviewerEmails, InterviewerExIds, InterviewTeam,
        AlternateInterviewTeam, InterviewerIds, InterviewJoblocCode, InterviewJoblocRoomId, InterviewJoblocId,
        InterviewLocationAddress, InterviewInstructions, CandidateInterviewPrepExId, RecruiterInterviewPrepExId,
        InterviewOwnerEmail, GenerateVirtualUrl, Private, FirstName, LastName, Phone, Email, JobTitle, JobReqId,
        JobLocCode, CandidateJourney, CandidateJourneyStatus, SequentialOrderAutomation, RecordedInterviewId,
        InterviewJoblocRoomExId, InterviewJoblocRoomEmail, Resume, ForceSequentMultiDays, InterviewOwnerExId,
        Note, AttendeeCount, UseParadoxStatusMap, StatusMapName, StatusMapExId, PrimaryContactMethod, Debrief,
    ];

    /// <summary>Names that are best guesses; integrator docs flag them.</summary>
    public static IReadOnlyList<string> Uncertain { get; } = [CustomInterviewTypeId, JobTitle, InterviewOwnerExId];
}
