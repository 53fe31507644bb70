using System.Text.Json;
using System.Text.Json.Serialization;

namespace InterviewAlerts.Core.Requests;

/// <summary>
/// Writes a list of strings as Paradox documents <c>interview_team</c>: a JSON string whose content is a
/// compact JSON array, e.g. <c>"[\"u_1234\",\"2523525\"]"</c>.
/// </summary>
public sealed class JsonArrayTextConverter : JsonConverter<IReadOnlyList<string>>
{
    /// <summary>The Paradox body is only ever written.</summary>
    public override IReadOnlyList<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("The Paradox body is written, never read.");

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options) =>
        writer.WriteStringValue(JsonSerializer.Serialize(value, options));
}
