using System.Text.Json.Nodes;
using InterviewAlerts.Core.Paradox;
using InterviewAlerts.Core.Validation;
using F = InterviewAlerts.Core.Paradox.FieldNames;

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

    /// <summary>Reads a known field into the request; false for a name the adapter does not know.</summary>
    private static bool TryRead(InterviewRequest r, string name, JsonNode? v, LooseScalars s, LooseLists l)
    {
        switch (name)
        {
            case F.Oid: r.Oid = s.Long(name, v); break;
            case F.ExId: r.ExId = s.String(name, v); break;
            case F.JobApplicationId: r.JobApplicationId = s.String(name, v); break;
            case F.UseApplicationIdForIdentity: r.UseApplicationIdForIdentity = s.Bool(name, v); break;
            case F.Action: r.Action = s.LowerCaseWord(name, v) ?? InterviewActions.Interview; break;
            case F.InterviewDuration: r.InterviewDuration = s.Int(name, v); break;
            case F.InterviewType: r.InterviewType = s.InterviewType(name, v); break;
            case F.CustomInterviewTypeId: r.CustomInterviewTypeId = s.String(name, v); break;
            case F.InterviewSegments: r.InterviewSegments = l.Objects(name, v); break;
            case F.InterviewerEmails: r.InterviewerEmails = l.Strings(name, v); break;
            case F.InterviewerExIds: r.InterviewerExIds = l.StringsOrObjects(name, v); break;
            case F.InterviewTeam: r.InterviewTeam = l.Team(name, v); break;
            case F.AlternateInterviewTeam: r.AlternateInterviewTeam = l.Team(name, v); break;
            case F.InterviewerIds: r.InterviewerIds = l.Strings(name, v); break;
            case F.InterviewJoblocCode: r.InterviewJoblocCode = s.String(name, v); break;
            case F.InterviewJoblocRoomId: r.InterviewJoblocRoomId = s.Int(name, v); break;
            case F.InterviewJoblocId: r.InterviewJoblocId = s.Int(name, v); break;
            case F.InterviewLocationAddress: r.InterviewLocationAddress = s.String(name, v); break;
            case F.InterviewInstructions: r.InterviewInstructions = s.String(name, v); break;
            case F.CandidateInterviewPrepExId: r.CandidateInterviewPrepExId = s.String(name, v); break;
            case F.RecruiterInterviewPrepExId: r.RecruiterInterviewPrepExId = s.String(name, v); break;
            case F.InterviewOwnerEmail: r.InterviewOwnerEmail = s.String(name, v); break;
            case F.GenerateVirtualUrl: r.GenerateVirtualUrl = s.Bool(name, v); break;
            case F.Private: r.Private = s.Int(name, v); break;
            case F.FirstName: r.FirstName = s.String(name, v); break;
            case F.LastName: r.LastName = s.String(name, v); break;
            case F.Phone: r.Phone = s.String(name, v); break;
            case F.Email: r.Email = s.String(name, v); break;
            case F.JobTitle: r.JobTitle = s.String(name, v); break;
            case F.JobReqId: r.JobReqId = s.String(name, v); break;
            case F.JobLocCode: r.JobLocCode = s.String(name, v); break;
            case F.CandidateJourney: r.CandidateJourney = s.String(name, v); break;
            case F.CandidateJourneyStatus: r.CandidateJourneyStatus = s.String(name, v); break;
            case F.SequentialOrderAutomation: r.SequentialOrderAutomation = s.Int(name, v); break;
            case F.RecordedInterviewId: r.RecordedInterviewId = s.String(name, v); break;
            case F.InterviewJoblocRoomExId: r.InterviewJoblocRoomExId = s.String(name, v); break;
            case F.InterviewJoblocRoomEmail: r.InterviewJoblocRoomEmail = s.String(name, v); break;
            case F.Resume: r.Resume = s.LargeString(name, v); break;
            case F.ForceSequentMultiDays: r.ForceSequentMultiDays = s.Bool(name, v); break;
            case F.InterviewOwnerExId: r.InterviewOwnerExId = s.String(name, v); break;
            case F.Note: r.Note = s.String(name, v); break;
            case F.AttendeeCount: r.AttendeeCount = s.DigitsText(name, v); break;
            case F.UseParadoxStatusMap: r.UseParadoxStatusMap = s.Bool(name, v); break;
            case F.StatusMapName: r.StatusMapName = s.String(name, v); break;
            case F.StatusMapExId: r.StatusMapExId = s.String(name, v); break;
            case F.PrimaryContactMethod: r.PrimaryContactMethod = s.Int(name, v); break;
            case F.Debrief: r.Debrief = l.Object(name, v); break;
            default: return false;
        }

        return true;
    }
}
