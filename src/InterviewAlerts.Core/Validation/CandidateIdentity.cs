using InterviewAlerts.Core.Requests;

namespace InterviewAlerts.Core.Validation;

/// <summary>
/// Whether Paradox can find or create the candidate. Paradox resolves by OID, else ex_id, else
/// job_application_id (only when use_application_id_for_identity is true), and creates a candidate from
/// contact data otherwise.
/// </summary>
public static class CandidateIdentity
{
    public static bool IsIdentifiable(InterviewRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Oid is not null
            || request.ExId is not null
            || (request.JobApplicationId is not null && request.UseApplicationIdForIdentity == true)
            || request.Email is not null
            || request.Phone is not null;
    }
}
