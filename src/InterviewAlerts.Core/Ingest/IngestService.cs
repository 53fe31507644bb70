using System.Security.Cryptography;
using System.Text;
using InterviewAlerts.Core.BrassRing;
using InterviewAlerts.Core.Delivery;
using InterviewAlerts.Core.Requests;
using InterviewAlerts.Core.Storage;
using InterviewAlerts.Core.Tracking;
using Microsoft.Extensions.Logging;

namespace InterviewAlerts.Core.Ingest;

/// <summary>
/// Accepts a webhook body: interpret and validate it, then write it to the delivery queue, and only then
/// acknowledge. A retransmission of an accepted request gets the same tracking id and is not queued again.
/// </summary>
public sealed partial class IngestService(
    RequestInterpreter interpreter,
    BrassRingCallerAuthenticator brassRingCallers,
    IRequestRecordStore records,
    IDeliveryQueue queue,
    IPayloadStore payloads,
    TimeProvider time,
    ILogger<IngestService> logger)
{
    /// <summary>Bodies above this go to blob storage: a queue message holds 64 KiB after base64 (about 48 KB of JSON).</summary>
    public const int MaxInlineMessageBytes = 45 * 1024;

    public async Task<IngestResult> AcceptAsync(IngestCall call, CancellationToken cancellationToken)
    {
        var interpretation = interpreter.Interpret(call.ContentType, call.Body);
        if (interpretation.Shape == RequestShape.BrassRing
            && await brassRingCallers.AuthenticateAsync(call.Authorization, cancellationToken).ConfigureAwait(false) is null)
        {
            LogUnauthorized(logger);
            return new IngestResult(IngestStatus.Unauthorized, interpretation);
        }

        if (!interpretation.IsValid) return new IngestResult(IngestStatus.Invalid, interpretation);

        var body = interpretation.Request!.ToParadoxJson();
        var trackingId = TrackingIds.FromIdempotencyKey(interpretation.Shape.ToString(), IdempotencyKeyOf(call, interpretation, body.ToJsonString(ParadoxJson.Options)));
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["TrackingId"] = trackingId });

        try
        {
            if (await records.GetAsync(trackingId, cancellationToken).ConfigureAwait(false) is not null)
            {
                LogDuplicate(logger, trackingId, interpretation.Shape);
                return new IngestResult(IngestStatus.Duplicate, interpretation, trackingId);
            }

            var now = time.GetUtcNow();
            var message = new DeliveryMessage
            {
                TrackingId = trackingId,
                Source = interpretation.Shape,
                ReceivedAt = now,
                Body = body,
                TraceParent = call.TraceParent,
            };
            message = await OffloadIfLargeAsync(message, cancellationToken).ConfigureAwait(false);
            await queue.EnqueueAsync(message, null, cancellationToken).ConfigureAwait(false);

            // After the message is safe: a failure here only weakens duplicate detection, never loses the request.
            await TryRecordAsync(new RequestRecord
            {
                TrackingId = trackingId,
                Source = interpretation.Shape,
                State = RequestState.Received,
                ReceivedAt = now,
                UpdatedAt = now,
            }, cancellationToken).ConfigureAwait(false);

            LogAccepted(logger, trackingId, interpretation.Shape);
            return new IngestResult(IngestStatus.Accepted, interpretation, trackingId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogUnavailable(logger, trackingId, ex.GetType().Name);
            return new IngestResult(IngestStatus.Unavailable, interpretation, trackingId);
        }
    }

    private async Task<DeliveryMessage> OffloadIfLargeAsync(DeliveryMessage message, CancellationToken cancellationToken)
    {
        var serialized = Encoding.UTF8.GetByteCount(DeliveryMessageSerializer.Serialize(message));
        if (serialized <= MaxInlineMessageBytes) return message;
        var blob = await payloads.SaveAsync(message.TrackingId, BinaryData.FromString(message.Body!.ToJsonString(ParadoxJson.Options)), cancellationToken)
            .ConfigureAwait(false);
        return message with { Body = null, BodyBlob = blob };
    }

    private async Task TryRecordAsync(RequestRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await records.TryCreateAsync(record, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRecordFailed(logger, record.TrackingId, ex.GetType().Name);
        }
    }

    /// <summary>
    /// BrassRing: sender + transaction + packets. Native: the caller's Idempotency-Key, else the canonical body
    /// (an identical request within the retention window is the same request).
    /// </summary>
    private static string IdempotencyKeyOf(IngestCall call, Interpretation interpretation, string canonicalBody)
    {
        if (interpretation.IdempotencyKey is { Length: > 0 } envelopeKey) return envelopeKey;
        if (!string.IsNullOrWhiteSpace(call.IdempotencyKey)) return "header:" + call.IdempotencyKey.Trim();
        return "body:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalBody)));
    }

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "BrassRing call refused: Basic credentials missing or not accepted")]
    private static partial void LogUnauthorized(ILogger logger);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Interview alert {TrackingId} accepted ({Shape})")]
    private static partial void LogAccepted(ILogger logger, string trackingId, RequestShape shape);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Interview alert {TrackingId} retransmitted ({Shape}); not queued again")]
    private static partial void LogDuplicate(ILogger logger, string trackingId, RequestShape shape);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Interview alert {TrackingId} not accepted: storage unavailable ({Error})")]
    private static partial void LogUnavailable(ILogger logger, string trackingId, string error);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Interview alert {TrackingId} queued but its record could not be written ({Error})")]
    private static partial void LogRecordFailed(ILogger logger, string trackingId, string error);
}
