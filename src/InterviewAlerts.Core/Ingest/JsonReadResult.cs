using System.Text.Json.Nodes;
using InterviewAlerts.Core.Validation;

namespace InterviewAlerts.Core.Ingest;

/// <summary>The loose JSON object of a native body, or the one error that says why it cannot be read.</summary>
public sealed record JsonReadResult(JsonObject? Body, FieldError? Error)
{
    public static JsonReadResult Ok(JsonObject body) => new(body, null);
    public static JsonReadResult Fail(FieldError error) => new(null, error);
}
