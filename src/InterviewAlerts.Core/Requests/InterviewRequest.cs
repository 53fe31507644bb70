using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace InterviewAlerts.Core.Requests;

/// <summary>
/// The canonical interview request: Paradox's "Send interview alerts" body with proper types.
/// Fields the adapter does not know are kept, in order, in <see cref="AdditionalFields"/> and pass through untouched.
/// </summary>
public sealed class InterviewRequest
{
    [JsonPropertyName(FieldNames.Oid)] public long? Oid { get; set; }
    [JsonPropertyName(FieldNames.ExId)] public string? ExId { get; set; }
    [JsonPropertyName(FieldNames.JobApplicationId)] public string? JobApplicationId { get; set; }
    [JsonPropertyName(FieldNames.UseApplicationIdForIdentity)] public bool? UseApplicationIdForIdentity { get; set; }
    [JsonPropertyName(FieldNames.Action)] public string Action { get; set; } = InterviewActions.Interview;
    [JsonPropertyName(FieldNames.InterviewDuration)] public int? InterviewDuration { get; set; }
    [JsonPropertyName(FieldNames.InterviewType)] public int? InterviewType { get; set; }
    [JsonPropertyName(FieldNames.FirstName)] public string? FirstName { get; set; }
    [JsonPropertyName(FieldNames.LastName)] public string? LastName { get; set; }
    [JsonPropertyName(FieldNames.Phone)] public string? Phone { get; set; }
    [JsonPropertyName(FieldNames.Email)] public string? Email { get; set; }

    /// <summary>Unknown fields, in the order received, passed to Paradox as they came.</summary>
    [JsonIgnore] public JsonObject? AdditionalFields { get; set; }

    /// <summary>The exact JSON body sent to Paradox.</summary>
    public JsonObject ToParadoxJson()
    {
        var body = JsonSerializer.SerializeToNode(this, ParadoxJson.Options)!.AsObject();
        if (AdditionalFields is not null)
        {
            foreach (var (name, value) in AdditionalFields)
            {
                body[name] = value?.DeepClone();
            }
        }

        return body;
    }
}

public static class InterviewActions
{
    public const string Interview = "interview";
    public const string Reschedule = "reschedule";
    public const string Cancel = "cancel";
}

/// <summary>Serializer settings for Paradox bodies: absent fields are omitted, never sent as null.</summary>
public static class ParadoxJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
