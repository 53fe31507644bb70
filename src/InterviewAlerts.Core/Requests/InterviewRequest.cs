using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace InterviewAlerts.Core.Requests;

/// <summary>
/// The canonical interview request: Paradox's "Send interview alerts" body with proper types, in the order
/// of Paradox's page. Fields the adapter does not know are kept, in order, in <see cref="AdditionalFields"/>
/// and pass through untouched after the known ones.
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
    public JsonArray? InterviewSegments { get => _interviewSegments.Get(); set => _interviewSegments.Set(value); }

    [JsonPropertyName(FieldNames.InterviewerEmails)] public IReadOnlyList<string>? InterviewerEmails { get; set; }

    /// <summary>String items, or objects as given (Paradox's object form marks optional interviewers).</summary>
    [JsonPropertyName(FieldNames.InterviewerExIds)]
    public JsonArray? InterviewerExIds
    {
        get => _interviewerExIds.Get();
        set
        {
            _interviewerExIds.Set(value);
            _interviewerExIdStrings = null;
        }
    }

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

    /// <summary>The resume file, base64-encoded, as received.</summary>
    [JsonPropertyName(FieldNames.Resume)] public string? Resume { get; set; }

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
    public JsonObject? Debrief { get => _debrief.Get(); set => _debrief.Set(value); }

    /// <summary>Unknown fields, in the order received, passed to Paradox as they came.</summary>
    [JsonIgnore] public JsonObject? AdditionalFields { get; set; }

    // Nodes read from a body are built when first read (DeferredValues): validation needs only what the reader saw.
    private DeferredNode<JsonArray> _interviewSegments;
    private DeferredNode<JsonArray> _interviewerExIds;
    private DeferredNode<JsonObject> _debrief;

    /// <summary>The string items of <see cref="InterviewerExIds"/> while it is not built yet, as they will be in it.</summary>
    private List<string>? _interviewerExIdStrings;

    /// <summary>Whether <see cref="InterviewSegments"/> is set, without building it.</summary>
    internal bool HasInterviewSegments => _interviewSegments.HasValue;

    /// <summary>
    /// The string items of <see cref="InterviewerExIds"/> when they are known without building it (read from a body
    /// and not read since); null otherwise, and then the array is what to check.
    /// </summary>
    internal IReadOnlyList<string>? InterviewerExIdStringsIfNotBuilt => _interviewerExIds.IsDeferred ? _interviewerExIdStrings : null;

    internal void DeferInterviewSegments(DeferredValues source, int slot) =>
        _interviewSegments.Defer(source, slot, static element => JsonArray.Create(element));

    internal void DeferDebrief(DeferredValues source, int slot) =>
        _debrief.Defer(source, slot, static element => JsonObject.Create(element));

    /// <param name="strings">The array's string items as <see cref="LooseLists.StringsOrObjects"/> keeps them.</param>
    internal void DeferInterviewerExIds(DeferredValues source, int slot, List<string> strings)
    {
        _interviewerExIds.Defer(source, slot, static element =>
            new LooseLists([]).StringsOrObjects(FieldNames.InterviewerExIds, LooseValue.Of(element)));
        _interviewerExIdStrings = strings;
    }

    /// <summary>The exact JSON body sent to Paradox: known fields in seed order, then the unknown ones.</summary>
    /// <remarks>
    /// Built field by field: the same object (names, order, values, and so the same JSON text) that
    /// <c>JsonSerializer.SerializeToNode(this, ParadoxJson.Options)</c> gives, absent (null) fields left out, with the
    /// unknown fields then set over it. Nodes are copies: changing the body does not change the request.
    /// </remarks>
    /// <summary>The Paradox body as UTF-8 JSON: the exact bytes that are fingerprinted, queued and sent.</summary>
    public byte[] ToParadoxUtf8() => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(ToParadoxJson(), ParadoxJson.Options);

    public JsonObject ToParadoxJson()
    {
        // Collected first, so the object's dictionary is made at its final size instead of growing field by field.
        var body = new List<KeyValuePair<string, JsonNode?>>(FieldNames.All.Count);
        Add(body, FieldNames.Oid, Oid);
        Add(body, FieldNames.ExId, ExId);
        Add(body, FieldNames.JobApplicationId, JobApplicationId);
        Add(body, FieldNames.UseApplicationIdForIdentity, UseApplicationIdForIdentity);
        Add(body, FieldNames.Action, Action);
        Add(body, FieldNames.InterviewDuration, InterviewDuration);
        Add(body, FieldNames.InterviewType, InterviewType);
        Add(body, FieldNames.CustomInterviewTypeId, CustomInterviewTypeId);
        Add(body, FieldNames.InterviewSegments, InterviewSegments);
        Add(body, FieldNames.InterviewerEmails, InterviewerEmails);
        Add(body, FieldNames.InterviewerExIds, InterviewerExIds);
        AddArrayText(body, FieldNames.InterviewTeam, InterviewTeam);
        AddArrayText(body, FieldNames.AlternateInterviewTeam, AlternateInterviewTeam);
        Add(body, FieldNames.InterviewerIds, InterviewerIds);
        Add(body, FieldNames.InterviewJoblocCode, InterviewJoblocCode);
        Add(body, FieldNames.InterviewJoblocRoomId, InterviewJoblocRoomId);
        Add(body, FieldNames.InterviewJoblocId, InterviewJoblocId);
        Add(body, FieldNames.InterviewLocationAddress, InterviewLocationAddress);
        Add(body, FieldNames.InterviewInstructions, InterviewInstructions);
        Add(body, FieldNames.CandidateInterviewPrepExId, CandidateInterviewPrepExId);
        Add(body, FieldNames.RecruiterInterviewPrepExId, RecruiterInterviewPrepExId);
        Add(body, FieldNames.InterviewOwnerEmail, InterviewOwnerEmail);
        Add(body, FieldNames.GenerateVirtualUrl, GenerateVirtualUrl);
        Add(body, FieldNames.Private, Private);
        Add(body, FieldNames.FirstName, FirstName);
        Add(body, FieldNames.LastName, LastName);
        Add(body, FieldNames.Phone, Phone);
        Add(body, FieldNames.Email, Email);
        Add(body, FieldNames.JobTitle, JobTitle);
        Add(body, FieldNames.JobReqId, JobReqId);
        Add(body, FieldNames.JobLocCode, JobLocCode);
        Add(body, FieldNames.CandidateJourney, CandidateJourney);
        Add(body, FieldNames.CandidateJourneyStatus, CandidateJourneyStatus);
        Add(body, FieldNames.SequentialOrderAutomation, SequentialOrderAutomation);
        Add(body, FieldNames.RecordedInterviewId, RecordedInterviewId);
        Add(body, FieldNames.InterviewJoblocRoomExId, InterviewJoblocRoomExId);
        Add(body, FieldNames.InterviewJoblocRoomEmail, InterviewJoblocRoomEmail);
        Add(body, FieldNames.Resume, Resume);
        Add(body, FieldNames.ForceSequentMultiDays, ForceSequentMultiDays);
        Add(body, FieldNames.InterviewOwnerExId, InterviewOwnerExId);
        Add(body, FieldNames.Note, Note);
        Add(body, FieldNames.AttendeeCount, AttendeeCount);
        Add(body, FieldNames.UseParadoxStatusMap, UseParadoxStatusMap);
        Add(body, FieldNames.StatusMapName, StatusMapName);
        Add(body, FieldNames.StatusMapExId, StatusMapExId);
        Add(body, FieldNames.PrimaryContactMethod, PrimaryContactMethod);
        Add(body, FieldNames.Debrief, Debrief);

        var paradox = new JsonObject(body);
        if (AdditionalFields is not null)
        {
            foreach (var (name, value) in AdditionalFields)
            {
                paradox[name] = value?.DeepClone();
            }
        }

        return paradox;
    }

    private static void Add(List<KeyValuePair<string, JsonNode?>> body, string name, string? value)
    {
        if (value is not null) body.Add(new(name, JsonValue.Create(value)));
    }

    private static void Add(List<KeyValuePair<string, JsonNode?>> body, string name, long? value)
    {
        if (value is { } number) body.Add(new(name, JsonValue.Create(number)));
    }

    private static void Add(List<KeyValuePair<string, JsonNode?>> body, string name, int? value)
    {
        if (value is { } number) body.Add(new(name, JsonValue.Create(number)));
    }

    private static void Add(List<KeyValuePair<string, JsonNode?>> body, string name, bool? value)
    {
        if (value is { } flag) body.Add(new(name, JsonValue.Create(flag)));
    }

    private static void Add(List<KeyValuePair<string, JsonNode?>> body, string name, JsonNode? value)
    {
        if (value is not null) body.Add(new(name, value.DeepClone()));
    }

    private static void Add(List<KeyValuePair<string, JsonNode?>> body, string name, IReadOnlyList<string>? items)
    {
        if (items is null) return;
        var array = new JsonArray();
        foreach (var item in items) array.Add(item is null ? null : JsonValue.Create(item));
        body.Add(new(name, array));
    }

    /// <summary>A list sent as a string holding a JSON array (<see cref="JsonArrayTextConverter"/>).</summary>
    private static void AddArrayText(List<KeyValuePair<string, JsonNode?>> body, string name, IReadOnlyList<string>? items)
    {
        if (items is not null) body.Add(new(name, JsonValue.Create(JsonArrayTextConverter.ToText(items))));
    }
}
