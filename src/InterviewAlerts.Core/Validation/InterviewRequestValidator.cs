using InterviewAlerts.Core.Paradox;
using InterviewAlerts.Core.Requests;
using F = InterviewAlerts.Core.Paradox.FieldNames;

namespace InterviewAlerts.Core.Validation;

/// <summary>
/// Checks a canonical request against Paradox's documented rules (docs/integrators/native-json.md) and
/// reports every problem at once, in the order of Paradox's field list, the candidate rule last.
/// </summary>
public static class InterviewRequestValidator
{
    public const int MinDurationMinutes = 5;
    public const int MaxDurationMinutes = 415;
    public const int MaxTeamMembers = 25;

    // Rule texts for the messages, made once rather than on every call (an interpolated string is built even when unused).
    private static readonly string DurationRule = $"minutes, {MinDurationMinutes}–{MaxDurationMinutes}";
    private static readonly string DurationMeaning = $"{MinDurationMinutes}–{MaxDurationMinutes} minutes";

    public static IReadOnlyList<FieldError> Validate(InterviewRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<FieldError>();
        var check = new FieldChecks(errors);

        CheckIdentityAndAction(request, check);
        CheckSchedule(request, check);
        CheckInterviewers(request, check);
        CheckLocationAndOwner(request, check);
        CheckCandidate(request, check);
        CheckJourneyAndFiles(request, check);

        if (!CandidateIdentity.IsIdentifiable(request))
        {
            check.Add(F.Candidate, ErrorCodes.CandidateUnidentifiable,
                $"Paradox cannot identify or create the candidate: send {F.Oid}, {F.ExId}, {F.JobApplicationId} with {F.UseApplicationIdForIdentity}=true, {F.Email} or {F.Phone}.");
        }

        return errors;
    }

    private static void CheckIdentityAndAction(InterviewRequest r, FieldChecks check)
    {
        check.MaxLength(F.ExId, r.ExId, 255);
        check.MaxLength(F.JobApplicationId, r.JobApplicationId, 255);
        if (r.Action is not (InterviewActions.Interview or InterviewActions.Reschedule or InterviewActions.Cancel))
        {
            var shown = r.Action.Length <= 20 ? r.Action : r.Action[..20] + "…";
            check.Add(F.Action, ErrorCodes.NotAllowed, $"{F.Action} must be one of interview, reschedule, cancel; got \"{shown}\".");
        }
    }

    private static void CheckSchedule(InterviewRequest r, FieldChecks check)
    {
        check.Required(F.InterviewDuration, r.InterviewDuration, DurationRule);
        check.Range(F.InterviewDuration, r.InterviewDuration, MinDurationMinutes, MaxDurationMinutes, DurationMeaning);
        check.Required(F.InterviewType, r.InterviewType, "1–19 or a type name such as PHONE_INTERVIEW");
        check.Range(F.InterviewType, r.InterviewType, InterviewTypes.Min, InterviewTypes.Max);

        // Only a defined, non-sequential type makes segments wrong; a missing or undefined type is reported above.
        if (r.InterviewSegments is not null && r.InterviewType is { } type && InterviewTypes.IsDefined(type) && !InterviewTypes.IsSequential(type))
        {
            check.Add(F.InterviewSegments, ErrorCodes.RequiresSequentialType,
                $"{F.InterviewSegments} can only be sent with a sequential {F.InterviewType} (5, 6 or 15); {F.InterviewType} is {type}.");
        }

        check.Range(F.SequentialOrderAutomation, r.SequentialOrderAutomation, -1, 3);
    }

    private static void CheckInterviewers(InterviewRequest r, FieldChecks check)
    {
        check.Emails(F.InterviewerEmails, r.InterviewerEmails, 255);
        check.StringItemsMaxLength(F.InterviewerExIds, r.InterviewerExIds, 255);
        CheckTeamSize(F.InterviewTeam, r.InterviewTeam, check);
        CheckTeamSize(F.AlternateInterviewTeam, r.AlternateInterviewTeam, check);
        check.ItemsMaxLength(F.InterviewerIds, r.InterviewerIds, 10);
    }

    private static void CheckLocationAndOwner(InterviewRequest r, FieldChecks check)
    {
        if (r.InterviewJoblocRoomId is { } room && room != -1 && room < 1)
        {
            check.Add(F.InterviewJoblocRoomId, ErrorCodes.OutOfRange,
                $"{F.InterviewJoblocRoomId} must be a positive room ID or -1 (any available room); got {room}.");
        }

        check.MaxLength(F.InterviewInstructions, r.InterviewInstructions, 320);
        check.MaxLength(F.CandidateInterviewPrepExId, r.CandidateInterviewPrepExId, 255);
        check.MaxLength(F.RecruiterInterviewPrepExId, r.RecruiterInterviewPrepExId, 255);
        check.Email(F.InterviewOwnerEmail, r.InterviewOwnerEmail, 255);
        check.Range(F.Private, r.Private, 0, 1, "0 (public) or 1 (private)");
        check.Email(F.InterviewJoblocRoomEmail, r.InterviewJoblocRoomEmail);
    }

    private static void CheckCandidate(InterviewRequest r, FieldChecks check)
    {
        check.MaxLength(F.FirstName, r.FirstName, 50);
        check.MaxLength(F.LastName, r.LastName, 50);
        check.MaxLength(F.Phone, r.Phone, 20);
        check.Email(F.Email, r.Email, 50);
        check.MaxLength(F.JobTitle, r.JobTitle, 255);
        check.MaxLength(F.JobReqId, r.JobReqId, 50);
        check.MaxLength(F.JobLocCode, r.JobLocCode, 20);
        check.Range(F.PrimaryContactMethod, r.PrimaryContactMethod, 1, 5,
            "1 (Email), 2 (SMS), 3 (Email & SMS), 4 (WhatsApp & Email) or 5 (WhatsApp)");
    }

    private static void CheckJourneyAndFiles(InterviewRequest r, FieldChecks check)
    {
        if (r.CandidateJourneyStatus is { } status && !JourneyStatus.IsWellFormed(status))
        {
            check.Add(F.CandidateJourneyStatus, ErrorCodes.InvalidFormat,
                $"{F.CandidateJourneyStatus} must read \"{{stage}}: {{status}}\" (e.g. \"Interview: Scheduled\"); the {FieldChecks.LengthOf(status)} characters received have no stage and status around a colon.");
        }

        if (r.Resume is not null && ResumeCheck.Check(F.Resume, r.Resume.Utf8) is { } resumeError)
        {
            check.Add(resumeError.Field, resumeError.Code, resumeError.Message);
        }

        if (r.UseParadoxStatusMap == true && r.StatusMapName is null)
        {
            check.Add(F.StatusMapName, ErrorCodes.Required, $"{F.StatusMapName} is required when {F.UseParadoxStatusMap} is true.");
        }
    }

    private static void CheckTeamSize(string field, IReadOnlyList<string>? members, FieldChecks check)
    {
        if (members is { Count: > MaxTeamMembers })
        {
            check.Add(field, ErrorCodes.TooManyMembers, $"{field} may list at most {MaxTeamMembers} members; got {members.Count}.");
        }
    }
}
