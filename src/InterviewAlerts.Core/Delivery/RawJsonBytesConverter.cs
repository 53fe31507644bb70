using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace InterviewAlerts.Core.Delivery;

/// <summary>
/// Carries a JSON value as its exact UTF-8 bytes: written verbatim into the surrounding document and read back
/// as the bytes it occupies there, so the Paradox body is never re-rendered on its way through the queue.
/// </summary>
public sealed class RawJsonBytesConverter : JsonConverter<byte[]>
{
    public override byte[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var element = JsonElement.ParseValue(ref reader);
        return JsonMarshal.GetRawUtf8Value(element).ToArray();
    }

    public override void Write(Utf8JsonWriter writer, byte[] value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value);
}
