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
    public IReadOnlyList<string>? Strings(string field, in LooseValue value)
    {
        var kind = value.Kind;
        if (kind == JsonValueKind.String) return NonEmpty(SplitCommas(value.GetString()));
        if (kind == JsonValueKind.Array) return NonEmpty(StringItems(field, value));
        if (kind == JsonValueKind.Null) return null;
        Fail(field, $"{field} must be an array of strings or a comma-separated string; got a JSON {LooseScalars.Describe(kind)}.");
        return null;
    }

    /// <summary>Like <see cref="Strings"/>, but object items (optional interviewers) are kept as given.</summary>
    public JsonArray? StringsOrObjects(string field, in LooseValue value)
    {
        var kind = value.Kind;
        if (kind == JsonValueKind.String)
        {
            var items = SplitCommas(value.GetString());
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
    public IReadOnlyList<string>? Team(string field, in LooseValue value)
    {
        var kind = value.Kind;
        if (kind == JsonValueKind.Null) return null;
        if (kind == JsonValueKind.Array) return NonEmpty(StringItems(field, value));
        if (kind != JsonValueKind.String)
        {
            Fail(field, $"{TeamExpected(field)}; got a JSON {LooseScalars.Describe(kind)}.");
            return null;
        }

        if (value.PreReadStringItems is { } read) return NonEmpty(read);
        var text = LooseScalars.Blank(value.GetString());
        if (text is null) return null;
        if (TryReadArrayText(field, text, out var members)) return NonEmpty(members);
        Fail(field, $"{TeamExpected(field)}; got a string of {text.Length} characters that is not a JSON array.");
        return null;
    }

    /// <summary>An array whose items are all objects, passed on as given.</summary>
    public JsonArray? Objects(string field, in LooseValue value)
    {
        var kind = value.Kind;
        if (kind == JsonValueKind.Null) return null;
        if (kind == JsonValueKind.Array && AllObjects(value, out var count))
        {
            return count == 0 ? null : (JsonArray)value.CloneNode()!;
        }

        Fail(field, $"{field} must be an array of objects; got {DescribeArray(kind)}.");
        return null;
    }

    public JsonObject? Object(string field, in LooseValue value)
    {
        var kind = value.Kind;
        if (kind == JsonValueKind.Null) return null;
        if (kind == JsonValueKind.Object) return (JsonObject)value.CloneNode()!;
        Fail(field, $"{field} must be a JSON object; got a JSON {LooseScalars.Describe(kind)}.");
        return null;
    }

    private static string TeamExpected(string field) =>
        $"{field} must be a JSON array of user emails, employee IDs or u_ ids, or a string holding one";

    private static List<string> SplitCommas(string text) =>
        [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    private static bool AllObjects(in LooseValue array, out int count)
    {
        count = 0;
        foreach (var item in array.EnumerateItems())
        {
            if (item.Kind != JsonValueKind.Object) return false;
            count++;
        }

        return true;
    }

    /// <summary>
    /// Trimmed string items (numbers become their digits; null and blank items are dropped); null, with an error
    /// for the field, when an item has another type.
    /// </summary>
    private List<string>? StringItems(string field, in LooseValue array)
    {
        if (array.PreReadStringItems is { } read) return read;
        var items = new List<string>();
        var index = 0;
        foreach (var item in array.EnumerateItems())
        {
            index++;
            if (!TryStringItem(item, out var text))
            {
                Fail(field, $"{field} item {index} must be a string; got a JSON {LooseScalars.Describe(item.Kind)}.");
                return null;
            }

            if (text is not null) items.Add(text);
        }

        return items;
    }

    /// <summary>Like <see cref="StringItems"/>, but object items are kept as given; null (with an error) or empty gives null.</summary>
    private JsonArray? StringOrObjectItems(string field, in LooseValue array)
    {
        JsonArray? items = null;
        var index = 0;
        foreach (var item in array.EnumerateItems())
        {
            index++;
            JsonNode? node;
            if (item.Kind == JsonValueKind.Object)
            {
                node = item.CloneNode();
            }
            else if (TryStringItem(item, out var text))
            {
                if (text is null) continue;
                node = JsonValue.Create(text);
            }
            else
            {
                Fail(field, $"{field} item {index} must be a string or an object; got a JSON {LooseScalars.Describe(item.Kind)}.");
                return null;
            }

            (items ??= []).Add(node);
        }

        return items;
    }

    /// <summary>A string item trimmed (null when blank), a number as its JSON text, JSON null as null; false for other kinds.</summary>
    private static bool TryStringItem(in LooseValue item, out string? text)
    {
        switch (item.Kind)
        {
            case JsonValueKind.Null:
                text = null;
                return true;
            case JsonValueKind.String:
                text = LooseScalars.Blank(item.GetString());
                return true;
            case JsonValueKind.Number:
                text = item.NumberJson();
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
    /// <remarks>
    /// As a document parse with the default options would answer (the whole text must be one JSON value, and every
    /// string item must decode, before an item of the wrong kind is reported), in one forward pass of a reader.
    /// </remarks>
    private bool TryReadArrayText(string field, string text, out List<string>? members)
    {
        members = null;

        // Text with surrogates (rare in a team) is transcoded as the document parse transcodes it.
        if (text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF')) return TryReadArrayDocument(field, text, out members);

        var rented = System.Buffers.ArrayPool<byte>.Shared.Rent(System.Text.Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = System.Text.Encoding.UTF8.GetBytes(text, rented);
            var reader = new Utf8JsonReader(rented.AsSpan(0, length));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) return false;

            var items = new List<string>();
            var index = 0;
            var wrongKind = JsonValueKind.Undefined; // of the first item that is not a string, number or null
            var wrongIndex = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                index++;
                switch (reader.TokenType)
                {
                    case JsonTokenType.String:
                        var item = reader.GetString()!; // a \u escape of half a surrogate pair throws here
                        if (wrongIndex == 0 && LooseScalars.Blank(item) is { } trimmed) items.Add(trimmed);
                        break;
                    case JsonTokenType.Number:
                        if (wrongIndex == 0) items.Add(System.Text.Encoding.UTF8.GetString(reader.ValueSpan));
                        break;
                    case JsonTokenType.Null:
                        break;
                    default:
                        if (wrongIndex == 0)
                        {
                            wrongIndex = index;
                            wrongKind = reader.TokenType switch
                            {
                                JsonTokenType.StartObject => JsonValueKind.Object,
                                JsonTokenType.StartArray => JsonValueKind.Array,
                                _ => JsonValueKind.True,
                            };
                        }

                        reader.Skip();
                        break;
                }
            }

            // The array has ended: only whitespace may follow (the reader throws on anything else).
            if (reader.TokenType != JsonTokenType.EndArray || reader.Read()) return false;

            if (wrongIndex > 0)
            {
                Fail(field, $"{field} item {wrongIndex} must be a string; got a JSON {LooseScalars.Describe(wrongKind)}.");
                return true;
            }

            members = items;
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return false;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The same answer as <see cref="TryReadArrayText"/>, from a parsed document.</summary>
    private bool TryReadArrayDocument(string field, string text, out List<string>? members)
    {
        members = null;
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array) return false;

            // A \u escape of half a surrogate pair parses, but only throws when the item is read: check it now.
            foreach (var item in root.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String) _ = item.GetString();
            }

            members = StringItems(field, LooseValue.Of(root));
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
