using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Paradox.Sandbox.Contract;

/// <summary>
/// The sandbox's own reading of Paradox's "Send interview alerts" body rules, written from the reference
/// (shared/reference/paradox-interview-alerts.md), deliberately independent of the adapter's validator so
/// that the two check each other. JSON types are strict, as Paradox receives them: int fields must be JSON
/// integers, booleans JSON booleans, <c>phone</c> / <c>job_req_id</c> / <c>attendee_count</c> strings,
/// <c>interview_team</c> a string holding a JSON array. Unknown fields are ignored.
/// </summary>
/// <remarks>
/// Paradox does not document its validation codes (only 1015 "Invalid request." on the token endpoint is
/// known, so it is skipped). The sandbox uses:
/// <list type="table">
/// <item><term>1001</term><description>required field missing</description></item>
/// <item><term>1002</term><description>wrong JSON type</description></item>
/// <item><term>1003</term><description>value outside its range or allowed values</description></item>
/// <item><term>1004</term><description>text longer than its maximum</description></item>
/// <item><term>1005</term><description>malformed email address</description></item>
/// <item><term>1006</term><description>interview_segments with a non-sequential interview_type</description></item>
/// <item><term>1007</term><description>round-robin team with more than 25 members</description></item>
/// <item><term>1008</term><description>status_map_name missing while use_paradox_status_map is true</description></item>
/// <item><term>1009</term><description>resume is not base64</description></item>
/// <item><term>1010</term><description>resume is 10 MB or larger</description></item>
/// <item><term>1011</term><description>resume is not .pdf .doc .docx .png .jpg .txt</description></item>
/// <item><term>1012</term><description>candidate cannot be identified or created (field "candidate")</description></item>
/// <item><term>1013</term><description>candidate_journey_status is not "{stage}: {status}"</description></item>
/// </list>
/// </remarks>
public static partial class ParadoxContract
{
    public const int Required = 1001;
    public const int WrongType = 1002;
    public const int OutOfRange = 1003;
    public const int TooLong = 1004;
    public const int BadEmail = 1005;
    public const int SegmentsNeedSequentialType = 1006;
    public const int TeamTooLarge = 1007;
    public const int StatusMapNameRequired = 1008;
    public const int ResumeNotBase64 = 1009;
    public const int ResumeTooLarge = 1010;
    public const int ResumeFileTypeNotAllowed = 1011;
    public const int CandidateUnidentifiable = 1012;
    public const int BadJourneyStatus = 1013;

    private enum Shape { Int, Text, Bool, TextList, TextOrObjectList, ArrayInText, Objects, Object, DigitsText }

    /// <summary>
    /// One documented field: its JSON shape and limits. Int fields default to the int32 range;
    /// <see cref="ZeroAllowed"/> is false for the room ID, whose only non-positive value is -1.
    /// </summary>
    private sealed record Rule(Shape Shape, int? MaxLength = null, long Min = int.MinValue, long Max = int.MaxValue,
        bool IsEmail = false, int? MaxMembers = null, bool ZeroAllowed = true);

    private static readonly Dictionary<string, Rule> Rules = new(StringComparer.Ordinal)
    {
        ["OID"] = new(Shape.Int, MaxLength: 20, Min: long.MinValue, Max: long.MaxValue),
        ["ex_id"] = new(Shape.Text, 255),
        ["job_application_id"] = new(Shape.Text, 255),
        ["use_application_id_for_identity"] = new(Shape.Bool),
        ["action"] = new(Shape.Text, 10),
        ["interview_duration"] = new(Shape.Int, Min: 5, Max: 415),
        ["interview_type"] = new(Shape.Int, Min: 1, Max: 19),
        ["custom_interview_type_id"] = new(Shape.Text),
        ["interview_segments"] = new(Shape.Objects),
        ["interviewer_emails"] = new(Shape.TextList, 255, IsEmail: true),
        ["interviewer_ex_ids"] = new(Shape.TextOrObjectList, 255),
        ["interview_team"] = new(Shape.ArrayInText, MaxMembers: 25),
        ["alternate_interview_team"] = new(Shape.ArrayInText, MaxMembers: 25),
        ["interviewer_ids"] = new(Shape.TextList, 10),
        ["interview_jobloc_code"] = new(Shape.Text),
        ["interview_jobloc_room_id"] = new(Shape.Int, Min: -1, ZeroAllowed: false),
        ["interview_jobloc_id"] = new(Shape.Int),
        ["interview_location_address"] = new(Shape.Text),
        ["interview_instructions"] = new(Shape.Text, 320),
        ["candidate_interview_prep_ex_id"] = new(Shape.Text, 255),
        ["recruiter_interview_prep_ex_id"] = new(Shape.Text, 255),
        ["interview_owner_email"] = new(Shape.Text, 255, IsEmail: true),
        ["generate_virtual_url"] = new(Shape.Bool),
        ["private"] = new(Shape.Int, Min: 0, Max: 1),
        ["first_name"] = new(Shape.Text, 50),
        ["last_name"] = new(Shape.Text, 50),
        ["phone"] = new(Shape.Text, 20),
        ["email"] = new(Shape.Text, 50, IsEmail: true),
        ["job_title"] = new(Shape.Text, 255),
        ["job_req_id"] = new(Shape.Text, 50),
        ["job_loc_code"] = new(Shape.Text, 20),
        ["candidate_journey"] = new(Shape.Text),
        ["candidate_journey_status"] = new(Shape.Text),
        ["sequential_order_automation"] = new(Shape.Int, Min: -1, Max: 3),
        ["recorded_interview_id"] = new(Shape.Text),
        ["interview_jobloc_room_ex_id"] = new(Shape.Text),
        ["interview_jobloc_room_email"] = new(Shape.Text, IsEmail: true),
        ["resume"] = new(Shape.Text),
        ["force_sequent_multi_days"] = new(Shape.Bool),
        ["interview_owner_ex_id"] = new(Shape.Text),
        ["note"] = new(Shape.Text),
        ["attendee_count"] = new(Shape.DigitsText),
        ["use_paradox_status_map"] = new(Shape.Bool),
        ["status_map_name"] = new(Shape.Text),
        ["status_map_ex_id"] = new(Shape.Text),
        ["primary_contact_method"] = new(Shape.Int, Min: 1, Max: 5),
        ["debrief"] = new(Shape.Object),
    };

    private static readonly string[] Actions = ["interview", "reschedule", "cancel"];
    private static readonly long[] SequentialTypes = [5, 6, 15];
    private const int ResumeLimitBytes = 10 * 1024 * 1024;

    /// <summary>The documented field names this contract knows (47).</summary>
    public static IReadOnlyCollection<string> KnownFields => Rules.Keys;

    /// <summary>Every problem of the body, as Paradox's 400 answer would list them.</summary>
    public static IReadOnlyList<ParadoxFieldError> Check(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = new List<ParadoxFieldError>();
        var wellTyped = new HashSet<string>(StringComparer.Ordinal);

        foreach (var (field, value) in body)
        {
            if (!Rules.TryGetValue(field, out var rule)) continue;
            var before = errors.Count;
            CheckField(field, value, rule, errors);
            if (errors.Count == before) wellTyped.Add(field);
        }

        foreach (var field in new[] { "interview_duration", "interview_type" }.Where(f => !body.ContainsKey(f)))
        {
            errors.Add(new(Required, $"{field} is required.", field));
        }

        CheckAction(body, wellTyped, errors);
        CheckSegments(body, wellTyped, errors);
        CheckStatusMap(body, errors);
        CheckJourneyStatus(body, wellTyped, errors);
        CheckResume(body, wellTyped, errors);
        CheckCandidate(body, errors);
        return errors;
    }

    private static void CheckField(string field, JsonNode? value, Rule rule, List<ParadoxFieldError> errors)
    {
        var kind = value?.GetValueKind() ?? JsonValueKind.Null;
        switch (rule.Shape)
        {
            case Shape.Int when WholeNumber(value) is { } n:
                if (rule.MaxLength is { } digits && n.ToString(CultureInfo.InvariantCulture).Length > digits) errors.Add(new(TooLong, $"{field} is too long.", field));
                else if (n < rule.Min || n > rule.Max || (n == 0 && !rule.ZeroAllowed)) errors.Add(new(OutOfRange, $"{field} is out of range.", field));
                break;
            case Shape.Text when kind == JsonValueKind.String:
                CheckText(field, value!.GetValue<string>(), rule, errors);
                break;
            case Shape.Bool when kind is JsonValueKind.True or JsonValueKind.False:
                break;
            case Shape.DigitsText when kind == JsonValueKind.String && Regex.IsMatch(value!.GetValue<string>(), "^[0-9]+$"):
                break;
            case Shape.Object when kind == JsonValueKind.Object:
                break;
            case Shape.Objects when value is JsonArray items && items.All(item => item is JsonObject):
                break;
            case Shape.TextList or Shape.TextOrObjectList when kind == JsonValueKind.String:
                CheckTexts(field, value!.GetValue<string>().Split(',').Select(item => item.Trim()), rule, errors);
                break;
            case Shape.TextList or Shape.TextOrObjectList when value is JsonArray items && items.All(item => IsString(item) || (rule.Shape == Shape.TextOrObjectList && item is JsonObject)):
                CheckTexts(field, items.Where(IsString).Select(item => item!.GetValue<string>()), rule, errors);
                break;
            case Shape.ArrayInText when kind == JsonValueKind.String && ParseArray(value!.GetValue<string>()) is { } members && members.All(IsString):
                if (members.Count > rule.MaxMembers) errors.Add(new(TeamTooLarge, $"{field} can have at most {rule.MaxMembers} interviewers.", field));
                break;
            default:
                errors.Add(new(WrongType, $"{field} has the wrong type ({rule.Shape}).", field));
                break;
        }
    }

    /// <summary>List items: the first bad item is reported, once per field like every other shape.</summary>
    private static void CheckTexts(string field, IEnumerable<string> items, Rule rule, List<ParadoxFieldError> errors)
    {
        foreach (var item in items)
        {
            if (!CheckText(field, item, rule, errors)) return;
        }
    }

    private static bool CheckText(string field, string text, Rule rule, List<ParadoxFieldError> errors)
    {
        if (rule.MaxLength is { } max && text.EnumerateRunes().Count() > max) errors.Add(new(TooLong, $"{field} is longer than {max} characters.", field));
        else if (rule.IsEmail && !EmailPattern().IsMatch(text)) errors.Add(new(BadEmail, $"{field} is not a valid email address.", field));
        else return true;
        return false;
    }

    /// <summary>The value of a JSON number without a fraction; null for anything else.</summary>
    private static decimal? WholeNumber(JsonNode? value)
    {
        if (value?.GetValueKind() != JsonValueKind.Number) return null;
        var parsed = decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n);
        return parsed && n == decimal.Truncate(n) ? n : null;
    }

    private static void CheckAction(JsonObject body, HashSet<string> wellTyped, List<ParadoxFieldError> errors)
    {
        if (wellTyped.Contains("action") && !Actions.Contains(body["action"]!.GetValue<string>(), StringComparer.Ordinal))
        {
            errors.Add(new(OutOfRange, "action must be interview, reschedule or cancel.", "action"));
        }
    }

    private static void CheckSegments(JsonObject body, HashSet<string> wellTyped, List<ParadoxFieldError> errors)
    {
        if (!wellTyped.Contains("interview_segments") || !wellTyped.Contains("interview_type")) return;
        var type = (long)WholeNumber(body["interview_type"])!.Value;
        if (!SequentialTypes.Contains(type))
        {
            errors.Add(new(SegmentsNeedSequentialType, "interview_segments can only be used with a sequential interview_type.", "interview_segments"));
        }
    }

    private static void CheckStatusMap(JsonObject body, List<ParadoxFieldError> errors)
    {
        var mapOn = body["use_paradox_status_map"]?.GetValueKind() == JsonValueKind.True;
        var name = body["status_map_name"];
        if (mapOn && (name is null || (IsString(name) && string.IsNullOrWhiteSpace(name.GetValue<string>()))))
        {
            errors.Add(new(StatusMapNameRequired, "status_map_name is required when use_paradox_status_map is true.", "status_map_name"));
        }
    }

    private static void CheckJourneyStatus(JsonObject body, HashSet<string> wellTyped, List<ParadoxFieldError> errors)
    {
        if (wellTyped.Contains("candidate_journey_status") && !JourneyStatusPattern().IsMatch(body["candidate_journey_status"]!.GetValue<string>()))
        {
            errors.Add(new(BadJourneyStatus, "candidate_journey_status must be \"{stage}: {status}\".", "candidate_journey_status"));
        }
    }

    private static void CheckResume(JsonObject body, HashSet<string> wellTyped, List<ParadoxFieldError> errors)
    {
        if (!wellTyped.Contains("resume")) return;
        byte[] file;
        try
        {
            file = Convert.FromBase64String(body["resume"]!.GetValue<string>());
        }
        catch (FormatException)
        {
            errors.Add(new(ResumeNotBase64, "resume must be a base64 string.", "resume"));
            return;
        }

        if (file.Length >= ResumeLimitBytes) errors.Add(new(ResumeTooLarge, "resume must be smaller than 10mb.", "resume"));
        else if (!ResumeFormats.IsAllowed(file)) errors.Add(new(ResumeFileTypeNotAllowed, "resume must be .pdf, .doc, .docx, .png, .jpg or .txt.", "resume"));
    }

    private static void CheckCandidate(JsonObject body, List<ParadoxFieldError> errors)
    {
        bool Has(string field) => body[field] switch
        {
            null => false,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => !string.IsNullOrWhiteSpace(v.GetValue<string>()),
            _ => true,
        };

        var byApplication = Has("job_application_id") && body["use_application_id_for_identity"]?.GetValueKind() == JsonValueKind.True;
        if (!(Has("OID") || Has("ex_id") || byApplication || Has("email") || Has("phone")))
        {
            errors.Add(new(CandidateUnidentifiable, "Candidate not found and cannot be created: send OID, ex_id, job_application_id (with use_application_id_for_identity), email or phone.", "candidate"));
        }
    }

    private static bool IsString(JsonNode? node) => node?.GetValueKind() == JsonValueKind.String;

    private static JsonArray? ParseArray(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonArray;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^[^:]*[^:\s][^:]*:.*\S", RegexOptions.Singleline)]
    private static partial Regex JourneyStatusPattern();

    /// <summary>The resume types of the reference, told by their leading bytes.</summary>
    private static class ResumeFormats
    {
        private static readonly byte[][] Signatures =
        [
            "%PDF"u8.ToArray(),                                  // .pdf
            [0xD0, 0xCF, 0x11, 0xE0],                            // .doc (OLE compound file)
            [0x50, 0x4B, 0x03, 0x04],                            // .docx (zip)
            [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], // .png
            [0xFF, 0xD8, 0xFF],                                  // .jpg
        ];

        public static bool IsAllowed(byte[] file) =>
            Signatures.Any(signature => file.AsSpan().StartsWith(signature)) || IsText(file);

        private static bool IsText(byte[] file)
        {
            if (file.Length == 0 || Array.IndexOf(file, (byte)0) >= 0) return false;
            var strict = Encoding.GetEncoding("utf-8", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            try
            {
                _ = strict.GetString(file);
                return true;
            }
            catch (DecoderFallbackException)
            {
                return false;
            }
        }
    }
}
