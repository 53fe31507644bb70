using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using InterviewAlerts.Core.Paradox;
using InterviewAlerts.Core.Validation;

namespace InterviewAlerts.Core.Requests;

/// <summary>
/// Reads loose scalar values (numbers and booleans sent as strings, surrounding whitespace) into typed
/// values. JSON null and empty or blank strings mean "absent". A value of the wrong type adds one
/// <see cref="ErrorCodes.InvalidType"/> error and reads as absent, so every field is checked in one pass.
/// </summary>
/// <remarks>
/// Messages quote received values only for numeric, boolean and enumerated fields, never for free-text
/// fields, which may hold candidate personal data.
/// </remarks>
internal sealed class LooseScalars(List<FieldError> errors)
{
    private const int QuoteLimit = 40;
    private const string WholeNumber = "a whole number";

    public string? String(string field, JsonNode? value) =>
        KindOf(value) == JsonValueKind.String ? Blank(value!.GetValue<string>()) : NotAString(field, value);

    /// <summary><see cref="String"/> for values that may be megabytes long, kept as UTF-8 (see <see cref="Utf8Text"/>).</summary>
    public Utf8Text? LargeString(string field, JsonNode? value) =>
        KindOf(value) == JsonValueKind.String ? Utf8Text.FromJsonString(value!.AsValue()) : NotAString(field, value) is { } number ? Utf8Text.Blank(number) : null;

    public int? Int(string field, JsonNode? value, string expected = WholeNumber)
    {
        var number = Long(field, value, expected);
        if (number is null) return null;
        if (number is >= int.MinValue and <= int.MaxValue) return (int)number;
        Fail(field, $"{field} must be {expected}; got {Quote(value)}, which is too large.");
        return null;
    }

    public long? Long(string field, JsonNode? value, string expected = WholeNumber)
    {
        var text = NumberText(field, value, expected);
        if (text is null) return null;
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && number == decimal.Truncate(number)
            && number is >= long.MinValue and <= long.MaxValue)
        {
            return (long)number;
        }

        Fail(field, $"{field} must be {expected}; got {Quote(value)}.");
        return null;
    }

    public bool? Bool(string field, JsonNode? value)
    {
        switch (KindOf(value))
        {
            case JsonValueKind.Null: return null;
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
        }

        var text = KindOf(value) is JsonValueKind.String or JsonValueKind.Number ? Text(value) : null;
        switch (text?.ToLowerInvariant())
        {
            case "": return null;
            case "true" or "1" or "yes": return true;
            case "false" or "0" or "no": return false;
            default:
                Fail(field, $"{field} must be true or false (also \"true\", \"false\", 1, 0, \"yes\", \"no\"); got {Quote(value)}.");
                return null;
        }
    }

    /// <summary>A non-negative whole number kept as its digits, for fields Paradox documents as strings.</summary>
    public string? DigitsText(string field, JsonNode? value)
    {
        const string expected = "a whole number, 0 or more";
        var number = Long(field, value, expected);
        if (number is null or >= 0) return number?.ToString(CultureInfo.InvariantCulture);
        Fail(field, $"{field} must be {expected}; got {Quote(value)}.");
        return null;
    }

    /// <summary>A number, its digits as a string, or a Paradox type name (see <see cref="InterviewTypes"/>).</summary>
    public int? InterviewType(string field, JsonNode? value)
    {
        const string expected = "a number 1–19 or a type name such as PHONE_INTERVIEW";
        if (KindOf(value) == JsonValueKind.String)
        {
            var text = Blank(value!.GetValue<string>());
            if (text is null) return null;
            if (!text.Any(char.IsDigit) && InterviewTypes.TryParse(text, out var named)) return named;
        }

        return Int(field, value, expected);
    }

    /// <summary>An enumerated string matched in any case; absent gives null.</summary>
    public string? LowerCaseWord(string field, JsonNode? value)
    {
        if (KindOf(value) is JsonValueKind.Null) return null;
        if (KindOf(value) is JsonValueKind.String) return Blank(value!.GetValue<string>())?.ToLowerInvariant();
        Fail(field, $"{field} must be a string; got {Quote(value)}.");
        return null;
    }

    public static JsonValueKind KindOf(JsonNode? value) => value?.GetValueKind() ?? JsonValueKind.Null;

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    public static string? Blank(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }

    /// <summary>A value that is not a JSON string: absent for null, a number's JSON text, otherwise an error.</summary>
    private string? NotAString(string field, JsonNode? value)
    {
        switch (KindOf(value))
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.Number:
                return NumberJson(value!);
            default:
                Fail(field, $"{field} must be a string; got a JSON {Describe(KindOf(value))}.");
                return null;
        }
    }

    private string? NumberText(string field, JsonNode? value, string expected)
    {
        switch (KindOf(value))
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.Number:
                return NumberJson(value!);
            case JsonValueKind.String:
                var text = Blank(value!.GetValue<string>());
                // Strings must be plain digits: "3e1" or "30.0" in a string is more likely a mistake than a number.
                if (text is null || IsIntegerText(text)) return text;
                Fail(field, $"{field} must be {expected}; got {Quote(value)}.");
                return null;
            default:
                Fail(field, $"{field} must be {expected}; got a JSON {Describe(KindOf(value))}.");
                return null;
        }
    }

    private static bool IsIntegerText(string text)
    {
        var digits = text.StartsWith('-') || text.StartsWith('+') ? text.AsSpan(1) : text.AsSpan();
        return digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9');
    }

    private static string Text(JsonNode? value) =>
        KindOf(value) == JsonValueKind.String ? value!.GetValue<string>().Trim() : NumberJson(value!);

    /// <summary>The JSON text of a number exactly as received (a number read from a body is written as its raw text).</summary>
    public static string NumberJson(JsonNode value) => value.ToJsonString();

    private static string Quote(JsonNode? value)
    {
        if (KindOf(value) is not (JsonValueKind.String or JsonValueKind.Number)) return $"a JSON {Describe(KindOf(value))}";
        var text = Text(value);
        return text.Length <= QuoteLimit ? $"\"{text}\"" : $"\"{text[..QuoteLimit]}…\"";
    }

    private void Fail(string field, string message) => errors.Add(new FieldError(field, ErrorCodes.InvalidType, message));
}
