using System.Text.Json.Serialization;
using InterviewAlerts.Core.Tracking;

namespace InterviewAlerts.Core.Delivery;

/// <summary>A request that ended without delivery, with why and the whole attempt history, for operators and replay.</summary>
public sealed record DeadLetter
{
    [JsonPropertyName("trackingId")] public required string TrackingId { get; init; }
    [JsonPropertyName("state")] public required RequestState State { get; init; }
    [JsonPropertyName("reason")] public required string Reason { get; init; }

    /// <summary>The reason as a code of <see cref="DeadLetterReasons"/>, to group and count by.</summary>
    [JsonPropertyName("reasonCode")] public string? ReasonCode { get; init; }
    [JsonPropertyName("deadLetteredAt")] public required DateTimeOffset DeadLetteredAt { get; init; }

    /// <summary>The message as it was when it ended; null when it could not even be read (then see <see cref="RawMessage"/>).</summary>
    [JsonPropertyName("message")] public DeliveryMessage? Message { get; init; }

    [JsonPropertyName("rawMessage")] public string? RawMessage { get; init; }
}
