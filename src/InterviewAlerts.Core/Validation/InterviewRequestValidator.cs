using InterviewAlerts.Core.Requests;

namespace InterviewAlerts.Core.Validation;

/// <summary>Checks a canonical request against Paradox's documented rules; reports every problem at once.</summary>
public static class InterviewRequestValidator
{
    private static readonly string[] Actions = [InterviewActions.Interview, InterviewActions.Reschedule, InterviewActions.Cancel];

    public static IReadOnlyList<FieldError> Validate(InterviewRequest request)
    {
        var errors = new List<FieldError>();

        if (!Actions.Contains(request.Action, StringComparer.Ordinal))
        {
            errors.Add(new FieldError(FieldNames.Action, ErrorCodes.NotAllowed,
                $"action must be one of interview, reschedule, cancel; got \"{request.Action}\"."));
        }

        if (request.InterviewDuration is null)
            errors.Add(new FieldError(FieldNames.InterviewDuration, ErrorCodes.Required, "interview_duration is required (minutes, 5–415)."));
        else if (request.InterviewDuration is < 5 or > 415)
            errors.Add(new FieldError(FieldNames.InterviewDuration, ErrorCodes.OutOfRange, $"interview_duration must be 5–415 minutes; got {request.InterviewDuration}."));

        if (request.InterviewType is null)
            errors.Add(new FieldError(FieldNames.InterviewType, ErrorCodes.Required, "interview_type is required (1–19)."));
        else if (request.InterviewType is < 1 or > 19)
            errors.Add(new FieldError(FieldNames.InterviewType, ErrorCodes.OutOfRange, $"interview_type must be 1–19; got {request.InterviewType}."));

        var identifiable = request.Oid is not null
            || request.ExId is not null
            || (request.JobApplicationId is not null && request.UseApplicationIdForIdentity == true)
            || request.Email is not null
            || request.Phone is not null;
        if (!identifiable)
        {
            errors.Add(new FieldError("candidate", ErrorCodes.CandidateUnidentifiable,
                "Paradox cannot identify or create the candidate: send OID, ex_id, job_application_id with use_application_id_for_identity=true, or email/phone."));
        }

        return errors;
    }
}
