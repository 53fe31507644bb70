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
        if (kind == JsonValueKind.Array) return NonEmpty(StringItems(field, value));
        if (kind == JsonValueKind.Null) return null;
        Fail(field, $"{field} must be an array of strings or a comma-separated string; got a JSON {LooseScalars.Describe(kind)}.");
        return null;
    }

    /// <summary>Like <see cref="Strings"/>, but object items (optional interviewers) are kept as given.</summary>
    public JsonArray? StringsOrObjects(string field, JsonNode? value)
    {
        var kind = LooseScalars.KindOf(value);
        if (kind == JsonValueKind.String)
        {
            var items = SplitCommas(value!.GetValue<string>());
            if (items.Count == 0) return null;
            var array = new JsonArray();
            foreach (var item in items) array.Add(JsonValue.Create(item));
            return array;
        }

        if (kind == JsonValueKind.Array) return StringOrObjectItems(field, value);
        if (kind == JsonValueKind.Null) return null;
        Fail(field, $"{field} must be an array (of strings or objects) or a comma-separated string; got a JSON {LooseScalars.Describe(kind)}.");
        return null;
    }

    /// <summary>A round-robin team: an array, or a string holding a JSON array, as Paradox documents it.</summary>
    public IReadOnlyList<string>? Team(string field, JsonNode? value)
    {
        var kind = LooseScalars.KindOf(value);
        if (kind == JsonValueKind.Null) return null;
        if (kind == JsonValueKind.Array) return NonEmpty(StringItems(field, value));
        if (kind != JsonValueKind.String)
        {
            Fail(field, $"{TeamExpected(field)}; got a JSON {LooseScalars.Describe(kind)}.");
            return null;
        }

        var text = LooseScalars.Blank(value!.GetValue<string>());
        if (text is null) return null;
        if (TryReadArrayText(field, text, out var members)) return NonEmpty(members);
        Fail(field, $"{TeamExpected(field)}; got a string of {text.Length} characters that is not a JSON array.");
        return null;
    }

    /// <summary>An array whose items are all objects, passed on as given.</summary>
    public JsonArray? Objects(string field, JsonNode? value)
    {
        var kind = LooseScalars.KindOf(value);
        if (kind == JsonValueKind.Null) return null;
        if (kind == JsonValueKind.Array && value!.AsArray().All(item => LooseScalars.KindOf(item) == JsonValueKind.Object))
        {
            return value.AsArray().Count == 0 ? null : (JsonArray)value.DeepClone();
        }

        Fail(field, $"{field} must be an array of objects; got {DescribeArray(kind)}.");
        return null;
    }

    public JsonObject? Object(string field, JsonNode? value)
    {
        var kind = LooseScalars.KindOf(value);
        if (kind == JsonValueKind.Null) return null;
        if (kind == JsonValueKind.Object) return (JsonObject)value!.DeepClone();
        Fail(field, $"{field} must be a JSON object; got a JSON {LooseScalars.Describe(kind)}.");
        return null;
    }

    private static string TeamExpected(string field) =>
        $"{field} must be a JSON array of user emails, employee IDs or u_ ids, or a string holding one";

    private static List<string> SplitCommas(string text) =>
        [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>
    /// Trimmed string items (numbers become their digits; null and blank items are dropped); null, with an error
    /// for the field, when an item has another type.
    /// </summary>
    private List<string>? StringItems(string field, JsonNode? array)
    {
        var items = new List<string>();
        var index = 0;
        foreach (var item in array!.AsArray())
        {
            index++;
            if (!TryStringItem(item, out var text))
            {
                Fail(field, $"{field} item {index} must be a string; got a JSON {LooseScalars.Describe(LooseScalars.KindOf(item))}.");
                return null;
            }

            if (text is not null) items.Add(text);
        }

        return items;
    }

    /// <summary>Like <see cref="StringItems"/>, but object items are kept as given; null (with an error) or empty gives null.</summary>
    private JsonArray? StringOrObjectItems(string field, JsonNode? array)
    {
        JsonArray? items = null;
        var index = 0;
        foreach (var item in array!.AsArray())
        {
            index++;
            JsonNode? node;
            if (LooseScalars.KindOf(item) == JsonValueKind.Object)
            {
                node = item!.DeepClone();
            }
            else if (TryStringItem(item, out var text))
            {
                if (text is null) continue;
                node = JsonValue.Create(text);
            }
            else
            {
                Fail(field, $"{field} item {index} must be a string or an object; got a JSON {LooseScalars.Describe(LooseScalars.KindOf(item))}.");
                return null;
            }

            (items ??= []).Add(node);
        }

        return items;
    }

    /// <summary>A string item trimmed (null when blank), a number as its JSON text, JSON null as null; false for other kinds.</summary>
    private static bool TryStringItem(JsonNode? item, out string? text)
    {
        switch (LooseScalars.KindOf(item))
        {
            case JsonValueKind.Null:
                text = null;
                return true;
            case JsonValueKind.String:
                text = LooseScalars.Blank(item!.GetValue<string>());
                return true;
            case JsonValueKind.Number:
                text = LooseScalars.NumberJson(item!);
                return true;
            default:
                text = null;
                return false;
        }
    }

    /// <summary>
    /// The members of the JSON array a string holds. False when it holds anything else or text that does not decode;
    /// true with null members (the error already added) when the array has an item that is not a string.
    /// </summary>
    private bool TryReadArrayText(string field, string text, out List<string>? members)
    {
        members = null;
        try
        {
            if (JsonNode.Parse(text) is not JsonArray array) return false;

            // A \u escape of half a surrogate pair parses, but only throws when the item is read: check them all first.
            foreach (var item in array)
            {
                if (LooseScalars.KindOf(item) == JsonValueKind.String) _ = item!.GetValue<string>();
            }

            members = StringItems(field, array);
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    private static IReadOnlyList<string>? NonEmpty(List<string>? items) => items is { Count: > 0 } ? items : null;

    private static string DescribeArray(JsonValueKind kind) =>
        kind == JsonValueKind.Array ? "an array with an item that is not an object" : $"a JSON {LooseScalars.Describe(kind)}";

    private void Fail(string field, string message) => errors.Add(new FieldError(field, ErrorCodes.InvalidType, message));
}
