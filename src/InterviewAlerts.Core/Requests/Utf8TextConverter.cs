using System.Text.Json;
using System.Text.Json.Serialization;

namespace InterviewAlerts.Core.Requests;

/// <summary>
/// Writes a <see cref="Utf8Text"/> as a JSON string from its UTF-8 bytes, escaped by the writer's encoder exactly
/// as the same text held in a string.
/// </summary>
public sealed class Utf8TextConverter : JsonConverter<Utf8Text>
{
    /// <summary>The Paradox body is only ever written.</summary>
    public override Utf8Text? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("The Paradox body is written, never read.");

    public override void Write(Utf8JsonWriter writer, Utf8Text value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.Utf8);
    }
}
