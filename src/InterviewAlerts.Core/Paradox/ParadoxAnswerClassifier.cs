using System.Net;
using System.Text.Json;

namespace InterviewAlerts.Core.Paradox;

/// <summary>Turns Paradox's HTTP answer into a <see cref="ParadoxOutcome"/> (see the "Responses" section of the reference).</summary>
public static class ParadoxAnswerClassifier
{
    public static ParadoxOutcome Classify(HttpStatusCode status, string body, TimeSpan? retryAfter)
    {
        var code = (int)status;
        switch (code)
        {
            case 200 or 201 or 202:
                return ClassifySuccessBody(code, body);
            case 400 or 422:
                var errors = ReadErrors(body);
                return new ParadoxOutcome(ParadoxOutcomeKind.Rejected, code,
                    errors.Count > 0 ? "Paradox rejected the request: " + string.Join("; ", errors.Select(Describe)) : $"Paradox rejected the request (HTTP {code}).",
                    Errors: errors);
            case 401:
                return new ParadoxOutcome(ParadoxOutcomeKind.Transient, code, "Paradox did not accept the adapter's token or credentials (HTTP 401).", retryAfter);
            case 409:
                return new ParadoxOutcome(ParadoxOutcomeKind.Rejected, code,
                    "Paradox refused the request as conflicting with the candidate's or interview's current state (HTTP 409); "
                    + "correct it at the source and send it again." + ErrorSuffix(ReadErrors(body)));
            case 413:
                return new ParadoxOutcome(ParadoxOutcomeKind.Rejected, code,
                    "Paradox refused the request as too large (HTTP 413): send a smaller resume or fewer attachments.");
            case 403 or 404 or 405:
                return new ParadoxOutcome(ParadoxOutcomeKind.ConfigurationError, code,
                    $"Paradox answered HTTP {code}: check the Paradox environment/base URL and the account's permissions.");
            case 408 or 429 or >= 500:
                return new ParadoxOutcome(ParadoxOutcomeKind.Transient, code, $"Paradox answered HTTP {code}; will retry.", retryAfter);
            default:
                return new ParadoxOutcome(ParadoxOutcomeKind.Rejected, code, $"Paradox answered an unexpected HTTP {code}.", Errors: ReadErrors(body));
        }
    }

    private static ParadoxOutcome ClassifySuccessBody(int code, string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("success", out var success))
            {
                var ok = success.ValueKind switch
                {
                    JsonValueKind.Number => success.TryGetInt32(out var n) && n == 1,
                    JsonValueKind.True => true,
                    JsonValueKind.String => success.GetString() is "1" or "true",
                    _ => false,
                };
                if (ok) return new ParadoxOutcome(ParadoxOutcomeKind.Delivered, code, "Delivered to Paradox.", CandidateOid: ReadOid(root));

                var message = root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String ? error.GetString() : null;
                return new ParadoxOutcome(ParadoxOutcomeKind.Rejected, code, "Paradox declined the request: " + (message ?? "no reason given") + ".");
            }
        }
        catch (JsonException)
        {
            // An unreadable 2xx body is treated below: Paradox took the request, we cannot tell more.
        }

        return new ParadoxOutcome(ParadoxOutcomeKind.Delivered, code, "Delivered to Paradox (answer without a success flag).");
    }

    private static long? ReadOid(JsonElement root) =>
        root.TryGetProperty("candidate", out var candidate) && candidate.ValueKind == JsonValueKind.Object
        && candidate.TryGetProperty("OID", out var oid) && oid.TryGetInt64(out var value) ? value : null;

    private static List<ParadoxError> ReadErrors(string body)
    {
        var errors = new List<ParadoxError>();
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Object) continue;
                    int? code = item.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : null;
                    var message = item.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "";
                    var field = item.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
                    errors.Add(new ParadoxError(code, message, string.IsNullOrEmpty(field) ? null : field));
                }
            }
        }
        catch (JsonException)
        {
            // No readable errors: the caller reports the status code alone.
        }

        return errors;
    }

    private static string ErrorSuffix(List<ParadoxError> errors) =>
        errors.Count > 0 ? " Paradox said: " + string.Join("; ", errors.Select(Describe)) : "";

    private static string Describe(ParadoxError error) =>
        error.Field is null ? error.Message : $"{error.Field}: {error.Message}";
}
