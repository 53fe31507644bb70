using System.Text.Json.Nodes;
using InterviewAlerts.Core.Validation;

namespace InterviewAlerts.Core.Requests;

/// <summary>
/// Turns a loose JSON object that uses Paradox field names (numbers and booleans as strings, interview
/// types by name, names in any case, surrounding whitespace, empty strings for "absent") into the
/// canonical typed <see cref="InterviewRequest"/>. Every type problem is reported, one per field.
/// Fields it does not know pass through untouched in <see cref="InterviewRequest.AdditionalFields"/>.
/// </summary>
public static class RequestNormalizer
{
    public static NormalizationResult Normalize(JsonObject loose)
    {
        ArgumentNullException.ThrowIfNull(loose);
        var errors = new List<FieldError>();
        var scalars = new LooseScalars(errors);
        var lists = new LooseLists(errors);
        var request = new InterviewRequest();
        JsonObject? additional = null;

        foreach (var (name, value) in loose)
        {
            if (!TryRead(request, name, value, scalars, lists))
            {
                additional ??= [];
                additional[name] = value?.DeepClone();
            }
        }

        request.AdditionalFields = additional;
        return new NormalizationResult(errors.Count == 0 ? request : null, errors) { Readable = request };
    }

    /// <summary>Reads a known field into the request; false for a field the adapter does not know.</summary>
    private static bool TryRead(InterviewRequest r, string name, JsonNode? v, LooseScalars s, LooseLists l)
    {
        switch (name)
        {
            case FieldNames.Oid: r.Oid = s.Long(name, v); break;
            case FieldNames.ExId: r.ExId = s.String(name, v); break;
            case FieldNames.JobApplicationId: r.JobApplicationId = s.String(name, v); break;
            case FieldNames.UseApplicationIdForIdentity: r.UseApplicationIdForIdentity = s.Bool(name, v); break;
            case FieldNames.Action: r.Action = s.LowerCaseWord(name, v) ?? InterviewActions.Interview; break;
            case FieldNames.InterviewDuration: r.InterviewDuration = s.Int(name, v); break;
            case FieldNames.InterviewType: r.InterviewType = s.InterviewType(name, v); break;
            case FieldNames.CustomInterviewTypeId: r.CustomInterviewTypeId = s.String(name, v); break;
            case FieldNames.InterviewSegments: r.InterviewSegments = l.Objects(name, v); break;
            case FieldNames.InterviewerEmails: r.InterviewerEmails = l.Strings(name, v); break;
            case FieldNames.InterviewerExIds: r.InterviewerExIds = l.StringsOrObjects(name, v); break;
            case FieldNames.InterviewTeam: r.InterviewTeam = l.Team(name, v); break;
            case FieldNames.AlternateInterviewTeam: r.AlternateInterviewTeam = l.Team(name, v); break;
            case FieldNames.InterviewerIds: r.InterviewerIds = l.Strings(name, v); break;
            case FieldNames.InterviewJoblocCode: r.InterviewJoblocCode = s.String(name, v); break;
            case FieldNames.InterviewJoblocRoomId: r.InterviewJoblocRoomId = s.Int(name, v); break;
            case FieldNames.InterviewJoblocId: r.InterviewJoblocId = s.Int(name, v); break;
            case FieldNames.InterviewLocationAddress: r.InterviewLocationAddress = s.String(name, v); break;
            case FieldNames.InterviewInstructions: r.InterviewInstructions = s.String(name, v); break;
            case FieldNames.CandidateInterviewPrepExId: r.CandidateInterviewPrepExId = s.String(name, v); break;
            case FieldNames.RecruiterInterviewPrepExId: r.RecruiterInterviewPrepExId = s.String(name, v); break;
            case FieldNames.InterviewOwnerEmail: r.InterviewOwnerEmail = s.String(name, v); break;
            case FieldNames.GenerateVirtualUrl: r.GenerateVirtualUrl = s.Bool(name, v); break;
            case FieldNames.Private: r.Private = s.Int(name, v); break;
            case FieldNames.FirstName: r.FirstName = s.String(name, v); break;
            case FieldNames.LastName: r.LastName = s.String(name, v); break;
            case FieldNames.Phone: r.Phone = s.String(name, v); break;
            case FieldNames.Email: r.Email = s.String(name, v); break;
            case FieldNames.JobTitle: r.JobTitle = s.String(name, v); break;
            case FieldNames.JobReqId: r.JobReqId = s.String(name, v); break;
            case FieldNames.JobLocCode: r.JobLocCode = s.String(name, v); break;
            case FieldNames.CandidateJourney: r.CandidateJourney = s.String(name, v); break;
            case FieldNames.CandidateJourneyStatus: r.CandidateJourneyStatus = s.String(name, v); break;
            case FieldNames.SequentialOrderAutomation: r.SequentialOrderAutomation = s.Int(name, v); break;
            case FieldNames.RecordedInterviewId: r.RecordedInterviewId = s.String(name, v); break;
            case FieldNames.InterviewJoblocRoomExId: r.InterviewJoblocRoomExId = s.String(name, v); break;
            case FieldNames.InterviewJoblocRoomEmail: r.InterviewJoblocRoomEmail = s.String(name, v); break;
            case FieldNames.Resume: r.Resume = s.String(name, v); break;
            case FieldNames.ForceSequentMultiDays: r.ForceSequentMultiDays = s.Bool(name, v); break;
            case FieldNames.InterviewOwnerExId: r.InterviewOwnerExId = s.String(name, v); break;
            case FieldNames.Note: r.Note = s.String(name, v); break;
            case FieldNames.AttendeeCount: r.AttendeeCount = s.DigitsText(name, v); break;
            case FieldNames.UseParadoxStatusMap: r.UseParadoxStatusMap = s.Bool(name, v); break;
            case FieldNames.StatusMapName: r.StatusMapName = s.String(name, v); break;
            case FieldNames.StatusMapExId: r.StatusMapExId = s.String(name, v); break;
            case FieldNames.PrimaryContactMethod: r.PrimaryContactMethod = s.Int(name, v); break;
            case FieldNames.Debrief: r.Debrief = l.Object(name, v); break;
            default: return false;
        }

        return true;
    }
}
