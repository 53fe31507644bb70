using System.Text.Json;
using System.Text.Json.Serialization;

namespace InterviewAlerts.Core.Requests;

/// <summary>
/// The serializer of the Paradox body, generated from <see cref="InterviewRequest"/>'s attributes: known fields in
/// declaration (seed) order, absent ones left out, then the unknown fields.
/// </summary>
[JsonSerializable(typeof(InterviewRequest))]
internal sealed partial class ParadoxBodyContext : JsonSerializerContext
{
    /// <summary>Bound to the Paradox settings, which attributes cannot express (the encoder).</summary>
    public static ParadoxBodyContext Paradox { get; } = new(new JsonSerializerOptions(ParadoxJson.Options));
}
