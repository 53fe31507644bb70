namespace InterviewAlerts.Core.Requests;

/// <summary>
/// Paradox body field names. Several are uncertain (see docs): change them here and only here.
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
    public const string FirstName = "first_name";
    public const string LastName = "last_name";
    public const string Phone = "phone";
    public const string Email = "email";
}
