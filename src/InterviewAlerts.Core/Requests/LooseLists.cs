using System.Text.Json;
using System.Text.Json.Nodes;
using InterviewAlerts.Core.Validation;

namespace InterviewAlerts.Core.Requests;

/// <summary>
/// Reads the list- and object-valued fields. Empty lists mean "absent", like empty strings. A value of the
/// wrong shape adds one <see cref="ErrorCodes.InvalidType"/> error for the field and reads as absent.
/// </summary>
internal sealed class LooseLists(List<FieldError> errors)
{
    /// <summary>An array of strings, or one comma-separated string (both documented by Paradox).</summary>
    public IReadOnlyList<string>? Strings(string field, JsonNode? value)
    {
        var kind = LooseScalars.KindOf(value);
        if (kind == JsonValueKind.String) return NonEmpty(SplitCommas(value!.GetValue<string>()));
        if (kind == JsonValueKind.Array) return NonEmpty(ArrayItems(field, value!.AsArray(), keepObjects: false)?.Select(item => item.GetValue<string>()).ToList());
        if (kind == JsonValueKind.Null) return null;
        Fail(field, $"{field} must be an array of strings or a comma-separated string; got a JSON {LooseScalars.Describe(value)}.");
        return null;
    }

    /// <summary>Like <see cref="Strings"/>, but object items (optional interviewers) are kept as given.</summary>
    public JsonArray? StringsOrObjects(string field, JsonNode? value)
    {
        var kind = LooseScalars.KindOf(value);
        if (kind == JsonValueKind.String) return ToArray(SplitCommas(value!.GetValue<string>()).Select(item => (JsonNode)JsonValue.Create(item)));
        if (kind == JsonValueKind.Array) return ToArray(ArrayItems(field, value!.AsArray(), keepObjects: true) ?? []);
        if (kind == JsonValueKind.Null) return null;
        Fail(field, $"{field} must be an array (of strings or objects) or a comma-separated string; got a JSON {LooseScalars.Describe(value)}.");
        return null;
    }

    /// <summary>A round-robin team: an array, or a string holding a JSON array, as Paradox documents it.</summary>
    public IReadOnlyList<string>? Team(string field, JsonNode? value)
    {
        var expected = $"{field} must be a JSON array of user emails, employee IDs or u_ ids, or a string holding one";
        var kind = LooseScalars.KindOf(value);
        if (kind == JsonValueKind.Null) return null;
        if (kind == JsonValueKind.Array) return NonEmpty(MemberNames(field, value!.AsArray()));
        if (kind != JsonValueKind.String)
        {
            Fail(field, $"{expected}; got a JSON {LooseScalars.Describe(value)}.");
            return null;
        }

        var text = LooseScalars.Blank(value!.GetValue<string>());
        if (text is null) return null;
        var parsed = ParseArray(text);
        if (parsed is not null) return NonEmpty(MemberNames(field, parsed));
        Fail(field, $"{expected}; got a string of {text.Length} characters that is not a JSON array.");
        return null;
    }

    /// <summary>An array whose items are all objects, passed on as given.</summary>
    public JsonArray? Objects(string field, JsonNode? value)
    {
        var kind = LooseScalars.KindOf(value);
        if (kind == JsonValueKind.Null) return null;
        if (kind == JsonValueKind.Array && value!.AsArray().All(item => LooseScalars.KindOf(item) == JsonValueKind.Object))
        {
            var array = value.AsArray();
            return array.Count == 0 ? null : (JsonArray)array.DeepClone();
        }

        Fail(field, $"{field} must be an array of objects; got {DescribeArray(value)}.");
        return null;
    }

    public JsonObject? Object(string field, JsonNode? value)
    {
        var kind = LooseScalars.KindOf(value);
        if (kind == JsonValueKind.Null) return null;
        if (kind == JsonValueKind.Object) return (JsonObject)value!.DeepClone();
        Fail(field, $"{field} must be a JSON object; got a JSON {LooseScalars.Describe(value)}.");
        return null;
    }

    private static List<string> SplitCommas(string text) =>
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    /// <summary>
    /// Trimmed string items (numbers become their digits; null and blank items are dropped), plus object
    /// items when <paramref name="keepObjects"/>; null when an item has another type.
    /// </summary>
    private List<JsonNode>? ArrayItems(string field, JsonArray array, bool keepObjects)
    {
        var items = new List<JsonNode>();
        for (var index = 0; index < array.Count; index++)
        {
            var item = array[index];
            switch (LooseScalars.KindOf(item))
            {
                case JsonValueKind.Null:
                    break;
                case JsonValueKind.String when LooseScalars.Blank(item!.GetValue<string>()) is { } text:
                    items.Add(JsonValue.Create(text));
                    break;
                case JsonValueKind.String:
                    break;
                case JsonValueKind.Number:
                    items.Add(JsonValue.Create(LooseScalars.NumberJson(item!)));
                    break;
                case JsonValueKind.Object when keepObjects:
                    items.Add(item!.DeepClone());
                    break;
                default:
                    var allowed = keepObjects ? "a string or an object" : "a string";
                    Fail(field, $"{field} item {index + 1} must be {allowed}; got a JSON {LooseScalars.Describe(item)}.");
                    return null;
            }
        }

        return items;
    }

    private List<string>? MemberNames(string field, JsonArray array) =>
        ArrayItems(field, array, keepObjects: false)?.Select(item => item.GetValue<string>()).ToList();

    /// <summary>The array a string holds, or null when it holds anything else or text that does not decode.</summary>
    private static JsonArray? ParseArray(string text)
    {
        try
        {
            if (JsonNode.Parse(text) is not JsonArray array) return null;

            // A \u escape of half a surrogate pair parses, but only throws when the item is read: check it now.
            foreach (var item in array)
            {
                if (LooseScalars.KindOf(item) == JsonValueKind.String) _ = item!.GetValue<string>();
            }

            return array;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static IReadOnlyList<string>? NonEmpty(List<string>? items) => items is { Count: > 0 } ? items : null;

    private static JsonArray? ToArray(IEnumerable<JsonNode> items)
    {
        var array = new JsonArray(items.ToArray());
        return array.Count == 0 ? null : array;
    }

    private static string DescribeArray(JsonNode? value) =>
        LooseScalars.KindOf(value) == JsonValueKind.Array ? "an array with an item that is not an object" : $"a JSON {LooseScalars.Describe(value)}";

    private void Fail(string field, string message) => errors.Add(new FieldError(field, ErrorCodes.InvalidType, message));
}
