using System.Security.Cryptography;
using System.Text;
using InterviewAlerts.Core.Delivery;
using InterviewAlerts.Core.Requests;
using InterviewAlerts.Core.Storage;
using InterviewAlerts.Core.Tracking;
using Microsoft.Extensions.Logging;

namespace InterviewAlerts.Core.Ingest;

/// <summary>
/// Accepts an authenticated, interpreted webhook call: record it, write it to the delivery queue, and only then
/// acknowledge. A retransmission of an accepted request gets the same tracking id and is not queued again once
/// delivery has picked it up. A 503 means nothing will be sent: delivery skips messages without a record.
/// </summary>
public sealed partial class IngestService(
    IRequestRecordStore records,
    IDeliveryQueue queue,
    IPayloadStore payloads,
    TimeProvider time,
    ILogger<IngestService> logger)
{
    /// <summary>Bodies above this go to blob storage: a queue message holds 64 KiB after base64 (about 48 KB of JSON).</summary>
    public const int MaxInlineMessageBytes = 45 * 1024;

    /// <summary>How long a failed queue write's record is tried to be withdrawn before the call answers 503 regardless.</summary>
    public static readonly TimeSpan UndoWindow = TimeSpan.FromSeconds(15);

    public async Task<IngestResult> AcceptAsync(IngestCall call, CancellationToken cancellationToken)
    {
        var interpretation = call.Interpretation;
        if (!interpretation.IsValid) return new IngestResult(IngestStatus.Invalid, interpretation);

        // Serialized once: the idempotency hash, the size check and (if large) the blob all use these bytes.
        var bodyBytes = interpretation.Request!.ToParadoxUtf8();
        var bodyText = Encoding.UTF8.GetString(bodyBytes);
        var trackingId = TrackingIds.FromIdempotencyKey(interpretation.Shape.ToString(), IdempotencyKeyOf(call, interpretation, bodyText));
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["TrackingId"] = trackingId });

        try
        {
            var now = time.GetUtcNow();
            var received = new RequestRecord
            {
                TrackingId = trackingId,
                Caller = call.Caller.Name,
                Source = interpretation.Shape,
                State = RequestState.Received,
                ReceivedAt = now,
                UpdatedAt = now,
            };

            // The record first, then the message: the insert is also the duplicate check (one round trip instead of a
            // read and a write), and delivery sends only messages that have a record, so a message whose queue write
            // "failed" but reached the queue anyway (answer lost) is not delivered behind the 503 the caller was given.
            for (var round = 0; round < 2; round++)
            {
                var (created, stored) = await records.TryCreateAsync(received, cancellationToken).ConfigureAwait(false);
                if (created)
                {
                    await EnqueueOrUndoAsync(NewMessage(trackingId, interpretation, bodyBytes, call, now), bodyBytes, stored, cancellationToken).ConfigureAwait(false);
                    LogAccepted(logger, trackingId, interpretation.Shape);
                    return new IngestResult(IngestStatus.Accepted, interpretation, trackingId);
                }

                if (stored.State != RequestState.Received)
                {
                    LogDuplicate(logger, trackingId, interpretation.Shape);
                    return new IngestResult(IngestStatus.Duplicate, interpretation, trackingId);
                }

                // Received and not yet picked up by delivery: its message may never have been written (the first call
                // answered 503, or is failing right now). Take the record (so that call's undo no longer matches it)
                // and queue this copy too; delivery sends the request once whichever copy comes first.
                if (await records.TryUpdateAsync(stored with { UpdatedAt = now }, cancellationToken).ConfigureAwait(false))
                {
                    await queue.EnqueueAsync(await OffloadIfLargeAsync(NewMessage(trackingId, interpretation, bodyBytes, call, stored.ReceivedAt), bodyBytes, cancellationToken)
                        .ConfigureAwait(false), null, cancellationToken).ConfigureAwait(false);
                    LogDuplicate(logger, trackingId, interpretation.Shape);
                    return new IngestResult(IngestStatus.Duplicate, interpretation, trackingId);
                }

                // Changed meanwhile: delivery took it (its message exists), or the first call undid it (look again).
                if (await records.GetAsync(call.Caller.Name, trackingId, cancellationToken).ConfigureAwait(false) is not null)
                {
                    LogDuplicate(logger, trackingId, interpretation.Shape);
                    return new IngestResult(IngestStatus.Duplicate, interpretation, trackingId);
                }
            }

            throw new InvalidOperationException("The request record kept changing under ingest.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogUnavailable(logger, trackingId, ex.GetType().Name);
            return new IngestResult(IngestStatus.Unavailable, interpretation, trackingId);
        }
    }

    private static DeliveryMessage NewMessage(string trackingId, Interpretation interpretation, byte[] body, IngestCall call, DateTimeOffset receivedAt) => new()
    {
        TrackingId = trackingId,
        Caller = call.Caller.Name,
        Source = interpretation.Shape,
        ReceivedAt = receivedAt,
        Body = body,
        TraceParent = call.TraceParent,
    };

    /// <summary>
    /// Queues the message. When the queue write fails, its message may still have arrived (the answer was lost), so the
    /// record this call created is withdrawn with a delete conditional on its version, retried through a short outage.
    /// Delivery claims a record with an update conditional on the same version, so exactly one of the two wins: a
    /// withdrawn record means nothing will be sent (503 is true); a claimed one means the message exists and will be
    /// delivered, so the call is acknowledged after all. Throws when it cannot tell (storage down for the whole window).
    /// </summary>
    private async Task EnqueueOrUndoAsync(DeliveryMessage message, byte[] body, RequestRecord created, CancellationToken cancellationToken)
    {
        Exception failure;
        try
        {
            message = await OffloadIfLargeAsync(message, body, cancellationToken).ConfigureAwait(false);
            await queue.EnqueueAsync(message, null, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            failure = ex;
        }

        var deadline = time.GetUtcNow() + UndoWindow;
        var wait = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                if (await records.TryDeleteAsync(created, CancellationToken.None).ConfigureAwait(false)) break;
                var now = await records.GetAsync(created.Caller, created.TrackingId, CancellationToken.None).ConfigureAwait(false);
                if (now is null || now.State == RequestState.Received) break; // gone, or a retransmission took it over
                LogClaimedDespiteFailure(logger, created.TrackingId, now.State);
                return; // delivery claimed it: the message did reach the queue
            }
            catch (Exception ex) when (ex is not OperationCanceledException && time.GetUtcNow() + wait < deadline)
            {
                await Task.Delay(wait, time, CancellationToken.None).ConfigureAwait(false);
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Storage stayed down: the record stays "Received". If the message did arrive it will be delivered
                // although this call answers 503; a retransmission gets the same tracking id and is not sent twice.
                LogUndoFailed(logger, created.TrackingId, ex.GetType().Name);
                break;
            }
        }

        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
    }

    /// <summary>What a fresh message adds around its body (ids, timestamps, traceparent; no history yet), generously.</summary>
    private const int MessageEnvelopeAllowance = 1024;

    private async Task<DeliveryMessage> OffloadIfLargeAsync(DeliveryMessage message, byte[] body, CancellationToken cancellationToken)
    {
        if (body.Length <= MaxInlineMessageBytes - MessageEnvelopeAllowance) return message;
        var blob = await payloads.SaveAsync(message.TrackingId, BinaryData.FromBytes(body), cancellationToken)
            .ConfigureAwait(false);
        return message with { Body = null, BodyBlob = blob };
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

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Interview alert {TrackingId} accepted ({Shape})")]
    private static partial void LogAccepted(ILogger logger, string trackingId, RequestShape shape);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Interview alert {TrackingId} retransmitted ({Shape}); not queued again")]
    private static partial void LogDuplicate(ILogger logger, string trackingId, RequestShape shape);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Interview alert {TrackingId} not accepted: storage unavailable ({Error})")]
    private static partial void LogUnavailable(ILogger logger, string trackingId, string error);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Interview alert {TrackingId}: queue write failed and its record could not be withdrawn ({Error}); answering 503")]
    private static partial void LogUndoFailed(ILogger logger, string trackingId, string error);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Interview alert {TrackingId}: queue write reported failure but delivery already took the message ({State}); acknowledging")]
    private static partial void LogClaimedDespiteFailure(ILogger logger, string trackingId, RequestState state);
}
