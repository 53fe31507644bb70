using System.Text.Json;
using System.Text.Unicode;
using System.Text.Json.Nodes;
using InterviewAlerts.Core.Validation;

namespace InterviewAlerts.Core.Ingest;

/// <summary>
/// Reads a native JSON body into a loose JSON object, strictly: no repeated names, no comments or trailing commas,
/// at most <see cref="MaxDepth"/> levels, and only text that decodes; anything else is answered with one error.
/// The object it returns reads the given body in place, so the body must not change or be reused while it is in use.
/// </summary>
public static class NativeJsonReader
{
    /// <summary>Deeper bodies are refused: real requests are two or three levels deep.</summary>
    public const int MaxDepth = 32;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = MaxDepth,
        AllowDuplicateProperties = false,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    public static JsonReadResult Read(ReadOnlyMemory<byte> utf8Json)
    {
        // The parser checks the JSON grammar, not the text inside strings: bytes that are not UTF-8, or a \u escape
        // of half a surrogate pair, would only fail later, as an exception, when a field is read.
        if (!Utf8.IsValid(utf8Json.Span))
        {
            return JsonReadResult.Fail(new FieldError("$", ErrorCodes.InvalidJson, "The body is not valid JSON: it holds bytes that are not UTF-8 text."));
        }

        try
        {
            // The object reads the body where it lies instead of a copy (bodies reach 16 MiB), so the document is
            // left to the collector rather than disposed: the caller's body must outlive the object.
            var root = JsonDocument.Parse(utf8Json, DocumentOptions).RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return JsonReadResult.Fail(new FieldError("$", ErrorCodes.NotAnObject,
                    $"The body must be a JSON object; got a JSON {Describe(root.ValueKind)}."));
            }

            if (HasLoneSurrogateEscape(utf8Json.Span)) return JsonReadResult.Fail(LoneSurrogateError());
            return JsonReadResult.Ok(JsonObject.Create(root)!);
        }
        catch (JsonException ex) when (ex.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            // The parser does not always know the line of a repeated name; say it only when it does.
            var where = ex.LineNumber is { } line ? $" (line {line + 1})" : "";
            return JsonReadResult.Fail(new FieldError(ex.Path ?? "$", ErrorCodes.DuplicateKey,
                $"The body repeats a property name{where}; each field may appear once."));
        }
        catch (JsonException ex)
        {
            return JsonReadResult.Fail(new FieldError("$", ErrorCodes.InvalidJson,
                $"The body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})."));
        }
        catch (InvalidOperationException)
        {
            // The duplicate-name check decodes every property name while parsing: a name that does not decode.
            return JsonReadResult.Fail(LoneSurrogateError());
        }
    }

    private static FieldError LoneSurrogateError() => new("$", ErrorCodes.InvalidJson,
        "The body is not valid JSON text: a \\u escape stands for half of a surrogate pair, which is not a character.");

    /// <summary>
    /// Whether a \u escape in the (already parsed, so well-formed) JSON stands for half of a surrogate pair: a high
    /// surrogate not directly followed by an escaped low one, or a low one on its own. These are exactly the escapes
    /// the parser would refuse to decode when a field is read. A scan of the bytes, so the common case allocates nothing.
    /// </summary>
    private static bool HasLoneSurrogateEscape(ReadOnlySpan<byte> json)
    {
        var i = 0;
        while (true)
        {
            var next = json[i..].IndexOf((byte)'\\');
            if (next < 0) return false;
            i += next;
            if (json[i + 1] != (byte)'u')
            {
                i += 2; // \" \\ \/ \b \f \n \r \t: never part of a \u escape
                continue;
            }

            var unit = EscapedUnit(json, i);
            i += 6;
            if (unit is >= 0xDC00 and <= 0xDFFF) return true;
            if (unit is >= 0xD800 and <= 0xDBFF)
            {
                if (i + 6 > json.Length || json[i] != (byte)'\\' || json[i + 1] != (byte)'u' || EscapedUnit(json, i) is < 0xDC00 or > 0xDFFF) return true;
                i += 6;
            }
        }
    }

    /// <summary>The UTF-16 code unit of the \uXXXX escape at <paramref name="at"/> (the parser has checked its four hex digits).</summary>
    private static int EscapedUnit(ReadOnlySpan<byte> json, int at) =>
        int.Parse(json.Slice(at + 2, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture);

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "value",
    };
}
