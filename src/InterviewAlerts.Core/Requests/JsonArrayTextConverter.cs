using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace InterviewAlerts.Core.Requests;

/// <summary>
/// Writes a list of strings as Paradox documents <c>interview_team</c>: a JSON string whose content is a
/// JSON array, e.g. <c>"[\"u_1234\",\"2523525\"]"</c>.
/// </summary>
public sealed class JsonArrayTextConverter : JsonConverter<IReadOnlyList<string>>
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = ParadoxJson.Options.Encoder };

    public override IReadOnlyList<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return text is null ? null : JsonSerializer.Deserialize<string[]>(text);
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        writer.WriteStringValue(ToText(value));
    }

    /// <summary>
    /// The compact JSON array text, e.g. <c>["a","b"]</c>: what <c>JsonSerializer.Serialize(members, ParadoxJson.Options)</c>
    /// writes, written directly.
    /// </summary>
    public static string ToText(IReadOnlyList<string> members)
    {
        if (members is null) return "null";
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartArray();
            foreach (var member in members) writer.WriteStringValue(member);
            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
