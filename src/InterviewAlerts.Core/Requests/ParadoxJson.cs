using System.Text.Json;
using System.Text.Json.Serialization;

namespace InterviewAlerts.Core.Requests;

/// <summary>Serializer settings for Paradox bodies: absent fields are omitted, never sent as null.</summary>
public static class ParadoxJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Emails hold "+" and names hold accents; escaping them would make logs and payload checks unreadable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
