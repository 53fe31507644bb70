using System.Text.Json;
using System.Text.Json.Nodes;
using InterviewAlerts.Core.Paradox;
using InterviewAlerts.Core.Requests;

namespace InterviewAlerts.Core.Tests.Requests;

/// <summary>
/// The JSON type each documented field must have in the body sent to Paradox, written out by hand from
/// the reference table so that a wrong C# property type cannot pass unnoticed.
/// </summary>
public static class ParadoxJsonKinds
{
    private const string Int = "int";
    private const string Text = "string";
    private const string Bool = "bool";
    private const string StringArray = "array of strings";
    private const string StringOrObjectArray = "array of strings or objects";
    private const string ObjectArray = "array of objects";
    private const string ArrayText = "string holding a JSON array";
    private const string Digits = "string of digits";
    private const string Object = "object";

    public static IReadOnlyDictionary<string, string> Expected { get; } = new Dictionary<string, string>
    {
        ["OID"] = Int, ["ex_id"] = Text, ["job_application_id"] = Text, ["use_application_id_for_identity"] = Bool,
        ["action"] = Text, ["interview_duration"] = Int, ["interview_type"] = Int, ["custom_interview_type_id"] = Text,
        ["interview_segments"] = ObjectArray, ["interviewer_emails"] = StringArray, ["interviewer_ex_ids"] = StringOrObjectArray,
        ["interview_team"] = ArrayText, ["alternate_interview_team"] = ArrayText, ["interviewer_ids"] = StringArray,
        ["interview_jobloc_code"] = Text, ["interview_jobloc_room_id"] = Int, ["interview_jobloc_id"] = Int,
        ["interview_location_address"] = Text, ["interview_instructions"] = Text, ["candidate_interview_prep_ex_id"] = Text,
        ["recruiter_interview_prep_ex_id"] = Text, ["interview_owner_email"] = Text, ["generate_virtual_url"] = Bool,
        ["private"] = Int, ["first_name"] = Text, ["last_name"] = Text, ["phone"] = Text, ["email"] = Text,
        ["job_title"] = Text, ["job_req_id"] = Text, ["job_loc_code"] = Text, ["candidate_journey"] = Text,
        ["candidate_journey_status"] = Text, ["sequential_order_automation"] = Int, ["recorded_interview_id"] = Text,
        ["interview_jobloc_room_ex_id"] = Text, ["interview_jobloc_room_email"] = Text, ["resume"] = Text,
        ["force_sequent_multi_days"] = Bool, ["interview_owner_ex_id"] = Text, ["note"] = Text, ["attendee_count"] = Digits,
        ["use_paradox_status_map"] = Bool, ["status_map_name"] = Text, ["status_map_ex_id"] = Text,
        ["primary_contact_method"] = Int, ["debrief"] = Object,
    };

    /// <summary>Null when the value has the expected JSON type, else a description of the mismatch.</summary>
    public static string? Mismatch(string field, JsonNode? value)
    {
        var expected = Expected[field];
        var ok = expected switch
        {
            Int => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && long.TryParse(v.ToJsonString(), out _),
            Text => IsString(value),
            Bool => value?.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
            StringArray => value is JsonArray a && a.All(IsString),
            StringOrObjectArray => value is JsonArray a && a.All(item => IsString(item) || item is JsonObject),
            ObjectArray => value is JsonArray a && a.All(item => item is JsonObject),
            ArrayText => IsString(value) && JsonNode.Parse(value!.GetValue<string>()) is JsonArray members && members.All(IsString),
            Digits => IsString(value) && value!.GetValue<string>().All(char.IsAsciiDigit),
            Object => value is JsonObject,
            _ => false,
        };
        return ok ? null : $"{field} should be {expected}; got {value?.ToJsonString() ?? "null"}";
    }

    private static bool IsString(JsonNode? value) => value?.GetValueKind() == JsonValueKind.String;

    /// <summary>Guards the table itself: one entry per documented field.</summary>
    public static bool CoversEveryField() => FieldNames.All.Order().SequenceEqual(Expected.Keys.Order());
}
