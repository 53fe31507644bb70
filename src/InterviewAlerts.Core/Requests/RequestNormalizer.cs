using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using InterviewAlerts.Core.Validation;

namespace InterviewAlerts.Core.Requests;

/// <summary>
/// Turns a loose JSON object that uses Paradox field names (numbers as strings, names in any case,
/// surrounding whitespace) into the canonical typed <see cref="InterviewRequest"/>.
/// </summary>
public static class RequestNormalizer
{
    public static NormalizationResult Normalize(JsonObject loose)
    {
        var errors = new List<FieldError>();
        var request = new InterviewRequest();
        JsonObject? additional = null;

        foreach (var (name, value) in loose)
        {
            switch (name)
            {
                case FieldNames.Oid: request.Oid = ReadLong(name, value, errors); break;
                case FieldNames.ExId: request.ExId = ReadString(name, value, errors); break;
                case FieldNames.JobApplicationId: request.JobApplicationId = ReadString(name, value, errors); break;
                case FieldNames.UseApplicationIdForIdentity: request.UseApplicationIdForIdentity = ReadBool(name, value, errors); break;
                case FieldNames.Action:
                    request.Action = ReadString(name, value, errors)?.ToLowerInvariant() ?? InterviewActions.Interview;
                    break;
                case FieldNames.InterviewDuration: request.InterviewDuration = ReadInt(name, value, errors); break;
                case FieldNames.InterviewType: request.InterviewType = ReadInt(name, value, errors); break;
                case FieldNames.FirstName: request.FirstName = ReadString(name, value, errors); break;
                case FieldNames.LastName: request.LastName = ReadString(name, value, errors); break;
                case FieldNames.Phone: request.Phone = ReadString(name, value, errors); break;
                case FieldNames.Email: request.Email = ReadString(name, value, errors); break;
                default:
                    additional ??= new JsonObject();
                    additional[name] = value?.DeepClone();
                    break;
            }
        }

        request.AdditionalFields = additional;
        return new NormalizationResult(errors.Count == 0 ? request : null, errors);
    }

    private static string? ReadString(string field, JsonNode? value, List<FieldError> errors)
    {
        if (value is null) return null;
        if (value.GetValueKind() is JsonValueKind.String or JsonValueKind.Number)
        {
            var text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
            text = text.Trim();
            return text.Length == 0 ? null : text;
        }

        errors.Add(new FieldError(field, ErrorCodes.InvalidType, $"{field} must be a string; got a JSON {value.GetValueKind().ToString().ToLowerInvariant()}."));
        return null;
    }

    private static long? ReadLong(string field, JsonNode? value, List<FieldError> errors)
    {
        var text = ScalarText(value);
        if (text is null) return null;
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)) return number;
        errors.Add(new FieldError(field, ErrorCodes.InvalidType, $"{field} must be a whole number; got \"{Truncate(text)}\"."));
        return null;
    }

    private static int? ReadInt(string field, JsonNode? value, List<FieldError> errors)
    {
        var text = ScalarText(value);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)) return number;
        errors.Add(new FieldError(field, ErrorCodes.InvalidType, $"{field} must be a whole number; got \"{Truncate(text)}\"."));
        return null;
    }

    private static bool? ReadBool(string field, JsonNode? value, List<FieldError> errors)
    {
        var text = ScalarText(value)?.ToLowerInvariant();
        switch (text)
        {
            case null: return null;
            case "true" or "1" or "yes": return true;
            case "false" or "0" or "no": return false;
            default:
                errors.Add(new FieldError(field, ErrorCodes.InvalidType, $"{field} must be true or false; got \"{Truncate(text)}\"."));
                return null;
        }
    }

    private static string? ScalarText(JsonNode? value)
    {
        if (value is null) return null;
        var text = value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.ToJsonString(),
            _ => value.ToJsonString(),
        };
        text = text.Trim();
        return text.Length == 0 ? null : text;
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
