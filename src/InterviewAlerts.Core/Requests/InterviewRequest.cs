using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using InterviewAlerts.Core.Paradox;

namespace InterviewAlerts.Core.Requests;

/// <summary>
/// The canonical interview request: Paradox's "Send interview alerts" body with proper types, in the order
/// of Paradox's page. Fields the adapter does not know are kept, in order, in <see cref="AdditionalFields"/>
/// and pass through untouched after the known ones. The attributes are the one description of the body's JSON
/// (<see cref="ParadoxBodyContext"/> is generated from them).
/// </summary>
public sealed class InterviewRequest
{
    [JsonPropertyName(FieldNames.Oid)] public long? Oid { get; set; }
    [JsonPropertyName(FieldNames.ExId)] public string? ExId { get; set; }
    [JsonPropertyName(FieldNames.JobApplicationId)] public string? JobApplicationId { get; set; }
    [JsonPropertyName(FieldNames.UseApplicationIdForIdentity)] public bool? UseApplicationIdForIdentity { get; set; }
    [JsonPropertyName(FieldNames.Action)] public string Action { get; set; } = InterviewActions.Interview;
    [JsonPropertyName(FieldNames.InterviewDuration)] public int? InterviewDuration { get; set; }
    [JsonPropertyName(FieldNames.InterviewType)] public int? InterviewType { get; set; }
    [JsonPropertyName(FieldNames.CustomInterviewTypeId)] public string? CustomInterviewTypeId { get; set; }

    /// <summary>One object per segment; the item fields are undocumented, so the objects pass as given.</summary>
    [JsonPropertyName(FieldNames.InterviewSegments)]
    public JsonArray? InterviewSegments { get; set; }

    [JsonPropertyName(FieldNames.InterviewerEmails)] public IReadOnlyList<string>? InterviewerEmails { get; set; }

    /// <summary>String items, or objects as given (Paradox's object form marks optional interviewers).</summary>
    [JsonPropertyName(FieldNames.InterviewerExIds)]
    public JsonArray? InterviewerExIds { get; set; }

    /// <summary>Members of the round-robin team; sent as Paradox documents it, a string holding a JSON array.</summary>
    [JsonPropertyName(FieldNames.InterviewTeam), JsonConverter(typeof(JsonArrayTextConverter))]
    public IReadOnlyList<string>? InterviewTeam { get; set; }

    [JsonPropertyName(FieldNames.AlternateInterviewTeam), JsonConverter(typeof(JsonArrayTextConverter))]
    public IReadOnlyList<string>? AlternateInterviewTeam { get; set; }

    [JsonPropertyName(FieldNames.InterviewerIds)] public IReadOnlyList<string>? InterviewerIds { get; set; }
    [JsonPropertyName(FieldNames.InterviewJoblocCode)] public string? InterviewJoblocCode { get; set; }
    [JsonPropertyName(FieldNames.InterviewJoblocRoomId)] public int? InterviewJoblocRoomId { get; set; }
    [JsonPropertyName(FieldNames.InterviewJoblocId)] public int? InterviewJoblocId { get; set; }
    [JsonPropertyName(FieldNames.InterviewLocationAddress)] public string? InterviewLocationAddress { get; set; }
    [JsonPropertyName(FieldNames.InterviewInstructions)] public string? InterviewInstructions { get; set; }
    [JsonPropertyName(FieldNames.CandidateInterviewPrepExId)] public string? CandidateInterviewPrepExId { get; set; }
    [JsonPropertyName(FieldNames.RecruiterInterviewPrepExId)] public string? RecruiterInterviewPrepExId { get; set; }
    [JsonPropertyName(FieldNames.InterviewOwnerEmail)] public string? InterviewOwnerEmail { get; set; }
    [JsonPropertyName(FieldNames.GenerateVirtualUrl)] public bool? GenerateVirtualUrl { get; set; }
    [JsonPropertyName(FieldNames.Private)] public int? Private { get; set; }
    [JsonPropertyName(FieldNames.FirstName)] public string? FirstName { get; set; }
    [JsonPropertyName(FieldNames.LastName)] public string? LastName { get; set; }

    /// <summary>Documented as int, but a number loses the leading "+" and zeros: sent as a string.</summary>
    [JsonPropertyName(FieldNames.Phone)] public string? Phone { get; set; }

    [JsonPropertyName(FieldNames.Email)] public string? Email { get; set; }
    [JsonPropertyName(FieldNames.JobTitle)] public string? JobTitle { get; set; }

    /// <summary>Documented as int, but requisition IDs of many ATSs hold letters: sent as a string.</summary>
    [JsonPropertyName(FieldNames.JobReqId)] public string? JobReqId { get; set; }

    [JsonPropertyName(FieldNames.JobLocCode)] public string? JobLocCode { get; set; }
    [JsonPropertyName(FieldNames.CandidateJourney)] public string? CandidateJourney { get; set; }
    [JsonPropertyName(FieldNames.CandidateJourneyStatus)] public string? CandidateJourneyStatus { get; set; }
    [JsonPropertyName(FieldNames.SequentialOrderAutomation)] public int? SequentialOrderAutomation { get; set; }
    [JsonPropertyName(FieldNames.RecordedInterviewId)] public string? RecordedInterviewId { get; set; }
    [JsonPropertyName(FieldNames.InterviewJoblocRoomExId)] public string? InterviewJoblocRoomExId { get; set; }
    [JsonPropertyName(FieldNames.InterviewJoblocRoomEmail)] public string? InterviewJoblocRoomEmail { get; set; }

    /// <summary>The resume file, base64-encoded, as received; kept as UTF-8, as it may be 14 MB of text.</summary>
    [JsonPropertyName(FieldNames.Resume)] public Utf8Text? Resume { get; set; }

    [JsonPropertyName(FieldNames.ForceSequentMultiDays)] public bool? ForceSequentMultiDays { get; set; }
    [JsonPropertyName(FieldNames.InterviewOwnerExId)] public string? InterviewOwnerExId { get; set; }
    [JsonPropertyName(FieldNames.Note)] public string? Note { get; set; }

    /// <summary>A whole number, but Paradox documents a string: sent as digits in a string.</summary>
    [JsonPropertyName(FieldNames.AttendeeCount)] public string? AttendeeCount { get; set; }

    [JsonPropertyName(FieldNames.UseParadoxStatusMap)] public bool? UseParadoxStatusMap { get; set; }
    [JsonPropertyName(FieldNames.StatusMapName)] public string? StatusMapName { get; set; }
    [JsonPropertyName(FieldNames.StatusMapExId)] public string? StatusMapExId { get; set; }
    [JsonPropertyName(FieldNames.PrimaryContactMethod)] public int? PrimaryContactMethod { get; set; }

    /// <summary>The debrief meeting; its children are undocumented, so the object passes as given.</summary>
    [JsonPropertyName(FieldNames.Debrief)]
    public JsonObject? Debrief { get; set; }

    /// <summary>Unknown fields, in the order received, passed to Paradox as they came, after the known ones.</summary>
    [JsonExtensionData] public JsonObject? AdditionalFields { get; set; }

    /// <summary>The Paradox body as UTF-8 JSON: the exact bytes that are fingerprinted, queued and sent.</summary>
    public byte[] ToParadoxUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, ParadoxBodyContext.Paradox.InterviewRequest);
}
