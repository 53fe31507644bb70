using System.Text.Json.Nodes;

namespace Paradox.Sandbox.Contract;

/// <summary>A field error in Paradox's shape: {"code", "message", "field"}.</summary>
public sealed record ParadoxFieldError(int Code, string Message, string Field);

/// <summary>Paradox's documented request rules, checked independently of the adapter's validator.</summary>
public static class ParadoxContract
{
    public static IReadOnlyList<ParadoxFieldError> Check(JsonObject body)
    {
        var errors = new List<ParadoxFieldError>();
        if (body["interview_duration"] is not JsonValue duration || !duration.TryGetValue<int>(out var minutes) || minutes is < 5 or > 415)
            errors.Add(new ParadoxFieldError(1001, "interview_duration must be a number from 5 to 415.", "interview_duration"));
        if (body["interview_type"] is not JsonValue type || !type.TryGetValue<int>(out var kind) || kind is < 1 or > 19)
            errors.Add(new ParadoxFieldError(1002, "interview_type must be a number from 1 to 19.", "interview_type"));
        return errors;
    }
}
