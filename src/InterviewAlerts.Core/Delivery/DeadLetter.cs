using System.Text.Json.Serialization;
using InterviewAlerts.Core.Tracking;

namespace InterviewAlerts.Core.Delivery;

/// <summary>A request that ended without delivery, with why and the whole attempt history, for operators and replay.</summary>
public sealed record DeadLetter
{
    [JsonPropertyName("trackingId")] public required string TrackingId { get; init; }
    [JsonPropertyName("state")] public required RequestState State { get; init; }
    [JsonPropertyName("reason")] public required string Reason { get; init; }

    /// <summary>The reason as a code of <see cref="DeadLetterReasons"/>, to group and count by (absent in dead letters written before codes existed).</summary>
    [JsonPropertyName("reasonCode")] public string? ReasonCode { get; init; }
    [JsonPropertyName("deadLetteredAt")] public required DateTimeOffset DeadLetteredAt { get; init; }

    /// <summary>The message as it was when it ended; null when it could not even be read (then see <see cref="RawMessage"/>).</summary>
    [JsonPropertyName("message")] public DeliveryMessage? Message { get; init; }

    [JsonPropertyName("rawMessage")] public string? RawMessage { get; init; }

    /// <summary>
    /// Set on a dead letter too large for a queue message: the queue then holds this summary (reason shortened) and
    /// the blob of this name holds the whole dead letter.
    /// </summary>
    [JsonPropertyName("claimCheck")] public string? ClaimCheck { get; init; }
}
