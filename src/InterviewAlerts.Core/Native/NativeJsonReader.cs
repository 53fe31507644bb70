using System.Text.Json;
using System.Text.Json.Nodes;
using InterviewAlerts.Core.Validation;

namespace InterviewAlerts.Core.Native;

/// <summary>Reads a native JSON body into a loose JSON object, rejecting what cannot be read.</summary>
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
        try
        {
            using var document = JsonDocument.Parse(utf8Json, DocumentOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return JsonReadResult.Fail(new FieldError("$", ErrorCodes.NotAnObject,
                    $"The body must be a JSON object; got a JSON {Describe(document.RootElement.ValueKind)}."));
            }

            return JsonReadResult.Ok(JsonObject.Create(document.RootElement.Clone())!);
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
    }

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

public sealed record JsonReadResult(JsonObject? Body, FieldError? Error)
{
    public static JsonReadResult Ok(JsonObject body) => new(body, null);
    public static JsonReadResult Fail(FieldError error) => new(null, error);
}
