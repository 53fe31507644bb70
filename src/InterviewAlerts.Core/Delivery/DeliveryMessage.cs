using System.Text.Json.Serialization;
using InterviewAlerts.Core.Ingest;

namespace InterviewAlerts.Core.Delivery;

/// <summary>
/// The canonical queue message: the Paradox body plus everything delivery needs to survive redeliveries
/// and the poison queue (which drops the queue's own id, insertion time and dequeue count).
/// </summary>
public sealed record DeliveryMessage
{
    public const int CurrentVersion = 1;

    [JsonPropertyName("v")] public int Version { get; init; } = CurrentVersion;
    [JsonPropertyName("trackingId")] public required string TrackingId { get; init; }

    /// <summary>The name of the caller that sent the request: where its record lives.</summary>
    [JsonPropertyName("caller")] public required string Caller { get; init; }
    [JsonPropertyName("source")] public required RequestShape Source { get; init; }
    [JsonPropertyName("receivedAt")] public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Start of the retry horizon: the receipt time, or the time of the last replay.</summary>
    [JsonPropertyName("retryWindowStart")] public DateTimeOffset? RetryWindowStart { get; init; }

    /// <summary>1 for the first delivery attempt; grows with each re-scheduling.</summary>
    [JsonPropertyName("attempt")] public int Attempt { get; init; } = 1;

    [JsonPropertyName("history")] public IReadOnlyList<DeliveryAttempt> History { get; init; } = [];

    /// <summary>
    /// The Paradox body's UTF-8 bytes exactly as ingest rendered them, embedded as JSON (not as a string), unless it
    /// was too large for a queue message (see <see cref="BodyBlob"/>).
    /// </summary>
    [JsonPropertyName("body")]
    [JsonConverter(typeof(RawJsonBytesConverter))]
    public byte[]? Body { get; init; }

    /// <summary>Name of the blob holding the body when it exceeded the queue's size limit.</summary>
    [JsonPropertyName("bodyBlob")] public string? BodyBlob { get; init; }

    /// <summary>W3C traceparent of the ingest call, so delivery continues the same trace.</summary>
    [JsonPropertyName("traceparent")] public string? TraceParent { get; init; }

    [JsonIgnore] public DateTimeOffset WindowStart => RetryWindowStart ?? ReceivedAt;
}

/// <summary>One delivery attempt, kept in the message so the dead letter tells the whole story.</summary>
public sealed record DeliveryAttempt(
    [property: JsonPropertyName("n")] int Number,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("status")] int? HttpStatus,
    [property: JsonPropertyName("detail")] string Detail);
