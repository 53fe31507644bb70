using System.Text.Json;
using System.Text.Json.Serialization;

namespace InterviewAlerts.Core.Delivery;

/// <summary>JSON form of queue messages. Reading never throws: an unreadable message is reported, not retried.</summary>
public static class DeliveryMessageSerializer
{
    public static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize<T>(T message) => JsonSerializer.Serialize(message, Options);

    public static bool TryDeserialize<T>(string text, out T? message, out string? problem)
        where T : class
    {
        try
        {
            message = JsonSerializer.Deserialize<T>(text, Options);
            problem = message is null ? "The message is empty (JSON null)." : null;
        }
        catch (JsonException ex)
        {
            message = null;
            problem = $"The message is not a readable {typeof(T).Name} ({ex.Message.Split('.')[0]}).";
        }

        return message is not null;
    }
}
