using InterviewAlerts.Core.BrassRing;
using InterviewAlerts.Core.Delivery;
using InterviewAlerts.Core.Observability;
using InterviewAlerts.Core.Requests;
using InterviewAlerts.Core.Storage;
using InterviewAlerts.Core.Tracking;
using InterviewAlerts.Core.Validation;
using Microsoft.Extensions.Logging;

namespace InterviewAlerts.Core.Ingest;

/// <summary>
/// Accepts an authenticated, interpreted webhook call: record it, write it to the delivery queue, and only then
/// acknowledge. Each request (a JSON body, or one candidate packet of a BrassRing envelope) has an idempotency key
/// scoped to its caller, stored beside its record with the fingerprint of its Paradox body: a retransmission (same key,
/// same body) gets the first request's tracking id and is not queued again once delivery has picked it up; the same key
/// with another body is refused. A 503 means nothing will be sent: delivery skips messages without a record.
/// A request refused for its content is recorded too (state Refused: its reasons, no body, no key), so operators find it.
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

    /// <summary>How often a key whose record keeps changing under this call is looked at again before answering 503.</summary>
    private const int AdmitRounds = 3;

    public async Task<IngestResult> AcceptAsync(IngestCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var interpretation = call.Interpretation;
        if (interpretation.Packets.Count > 0) return await AcceptPacketsAsync(call, cancellationToken).ConfigureAwait(false);
        if (!interpretation.IsValid)
        {
            var answered = interpretation.Shape == RequestShape.BrassRing ? BrassRingRefusedStatus : NativeRefusedStatus;
            await RecordRefusedAsync(call, new RequestLabels(interpretation.Mapping?.Manifest, TransactIdOf(interpretation)), interpretation.Errors, answered, cancellationToken)
                .ConfigureAwait(false);
            return new IngestResult(IngestStatus.Invalid, interpretation);
        }

        // Serialized once: the fingerprint, the size check and (if large) the blob all use these bytes.
        var bodyBytes = interpretation.Request!.ToParadoxUtf8();
        var fingerprint = BodyFingerprint.Of(bodyBytes);
        var key = string.IsNullOrWhiteSpace(call.IdempotencyKey)
            ? IdempotencyKey.FromBody(call.Caller.Name, fingerprint)
            : IdempotencyKey.FromHeader(call.Caller.Name, call.IdempotencyKey.Trim());
        var labels = new RequestLabels(ExIdHash: ExIdHashes.Of(interpretation.Request.ExId));
        var (status, trackingId) = await AcceptRequestAsync(call, bodyBytes, fingerprint, key, labels, cancellationToken).ConfigureAwait(false);
        return new IngestResult(status, interpretation, trackingId);
    }

    /// <summary>Every candidate packet of an envelope is a request of its own, answered on its own.</summary>
    private async Task<IngestResult> AcceptPacketsAsync(IngestCall call, CancellationToken cancellationToken)
    {
        var interpretation = call.Interpretation;
        var results = new List<PacketResult>(interpretation.Packets.Count);
        foreach (var packet in interpretation.Packets)
        {
            var labels = new RequestLabels(packet.Mapping.Manifest, TransactIdOf(interpretation), packet.Packet.PacketId, ExIdHashes.Of(packet.Request?.ExId));
            if (!packet.IsValid)
            {
                await RecordRefusedAsync(call, labels with { ExIdHash = null }, packet.Errors, BrassRingRefusedStatus, cancellationToken).ConfigureAwait(false);
                results.Add(new PacketResult(packet, IngestStatus.Invalid));
                continue;
            }

            var bodyBytes = packet.Request!.ToParadoxUtf8();
            var key = BrassRingIdempotencyKey.For(call.Caller.Name, interpretation.Envelope!, packet.Packet);
            var (status, trackingId) = await AcceptRequestAsync(call, bodyBytes, BodyFingerprint.Of(bodyBytes), key, labels, cancellationToken)
                .ConfigureAwait(false);
            results.Add(new PacketResult(packet, status, trackingId));
        }

        var first = results.FirstOrDefault(result => result.TrackingId is not null)?.TrackingId;
        return new IngestResult(IngestResults.Combine(results), interpretation, first) { Packets = results };
    }

    private async Task<(IngestStatus Status, string? TrackingId)> AcceptRequestAsync(
        IngestCall call, byte[] bodyBytes, string fingerprint, IdempotencyKey key, RequestLabels labels, CancellationToken cancellationToken)
    {
        var shape = call.Interpretation.Shape;
        var trackingId = TrackingIds.New();
        try
        {
            var now = time.GetUtcNow();
            var entry = new IdempotencyEntry(call.Caller.Name, key, trackingId, fingerprint);
            var received = new RequestRecord
            {
                TrackingId = trackingId,
                Caller = call.Caller.Name,
                Source = shape,
                State = RequestState.Received,
                ReceivedAt = now,
                UpdatedAt = now,
                Manifest = labels.Manifest,
                TransactId = labels.TransactId,
                PacketId = labels.PacketId,
                ExIdHash = labels.ExIdHash,
            };

            // The key and record first (one transaction), then the message: the insert is also the duplicate check (one
            // round trip instead of a read and a write), and delivery sends only messages that have a record, so a
            // message whose queue write "failed" but reached the queue anyway (answer lost) is not delivered behind the
            // 503 the caller was given.
            for (var round = 0; round < AdmitRounds; round++)
            {
                var admission = await records.TryAdmitAsync(entry, received, cancellationToken).ConfigureAwait(false);
                if (admission.Created)
                {
                    using var acceptedScope = TrackingScope(trackingId);
                    await EnqueueOrUndoAsync(NewMessage(trackingId, shape, bodyBytes, call, now), bodyBytes, admission.Record, cancellationToken)
                        .ConfigureAwait(false);
                    LogAccepted(logger, trackingId, shape);
                    return (IngestStatus.Accepted, trackingId);
                }

                var winner = admission.Entry.TrackingId;
                using var winnerScope = TrackingScope(winner);
                if (!string.Equals(admission.Entry.BodyFingerprint, fingerprint, StringComparison.Ordinal))
                {
                    LogConflict(logger, winner, shape);
                    return (IngestStatus.Conflict, winner);
                }

                var stored = admission.Record;
                if (stored.State != RequestState.Received)
                {
                    LogDuplicate(logger, winner, shape);
                    return (IngestStatus.Duplicate, winner);
                }

                // Received and not yet picked up by delivery: its message may never have been written (the first call
                // answered 503, or is failing right now). Take the record (so that call's undo no longer matches it)
                // and queue this copy too: its body has the winner's fingerprint, so it is the winner's body, and
                // delivery sends the request once whichever copy comes first.
                if (await records.TryUpdateAsync(stored with { UpdatedAt = now }, cancellationToken).ConfigureAwait(false))
                {
                    var copy = await OffloadIfLargeAsync(NewMessage(winner, shape, bodyBytes, call, stored.ReceivedAt), bodyBytes, cancellationToken)
                        .ConfigureAwait(false);
                    await queue.EnqueueAsync(copy, null, cancellationToken).ConfigureAwait(false);
                    LogDuplicate(logger, winner, shape);
                    return (IngestStatus.Duplicate, winner);
                }

                // Changed meanwhile: delivery took it (its message exists), or the first call withdrew it, or another
                // retransmission is taking it over and has not queued its copy yet (look again in both cases).
                if (await records.GetAsync(call.Caller.Name, winner, cancellationToken).ConfigureAwait(false) is { State: not RequestState.Received })
                {
                    LogDuplicate(logger, winner, shape);
                    return (IngestStatus.Duplicate, winner);
                }
            }

            throw new InvalidOperationException("The request record kept changing under ingest.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            using var failedScope = TrackingScope(trackingId);
            LogUnavailable(logger, trackingId, ex.GetType().Name);
            return (IngestStatus.Unavailable, null);
        }
    }

    /// <summary>The HTTP status a JSON caller gets for a request refused for its content.</summary>
    public const int NativeRefusedStatus = 400;

    /// <summary>The Status a BrassRing packet gets for a data problem.</summary>
    public const int BrassRingRefusedStatus = 405;

    /// <summary>How many problems a refused request's record keeps (a table property holds 32 K characters).</summary>
    private const int MaxRecordedProblems = 20;

    private const int MaxRecordedMessageLength = 300;

    /// <summary>
    /// Records a request refused for its content: one write, no body, no idempotency key. Best effort: the caller's
    /// answer (the refusal) does not depend on it, so a storage failure is logged and the refusal answered anyway.
    /// </summary>
    private async Task RecordRefusedAsync(IngestCall call, RequestLabels labels, IReadOnlyList<FieldError> errors, int answeredStatus, CancellationToken cancellationToken)
    {
        var trackingId = TrackingIds.New();
        var now = time.GetUtcNow();
        try
        {
            await records.UpsertAsync(new RequestRecord
            {
                TrackingId = trackingId,
                Caller = call.Caller.Name,
                Source = call.Interpretation.Shape,
                State = RequestState.Refused,
                ReceivedAt = now,
                UpdatedAt = now,
                Manifest = labels.Manifest,
                TransactId = labels.TransactId,
                PacketId = labels.PacketId,
                ReasonCodes = [.. errors.Select(error => error.Code).Distinct(StringComparer.Ordinal)],
                // Messages quote received values of non-personal fields only; contact data is masked all the same.
                Problems = [.. errors.Take(MaxRecordedProblems).Select(error => error with { Message = Shorten(PersonalDataRedactor.Redact(error.Message)) })],
                AnsweredStatus = answeredStatus,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogRefusalNotRecorded(logger, trackingId, ex.GetType().Name);
        }
    }

    private static string Shorten(string text) => text.Length <= MaxRecordedMessageLength ? text : text[..MaxRecordedMessageLength] + " …";

    /// <summary>The envelope's TransactId (an export's own reference, not candidate data), at most 256 characters.</summary>
    private static string? TransactIdOf(Interpretation interpretation) =>
        interpretation.Envelope?.TransactId is { Length: > 0 } id ? (id.Length <= 256 ? id : id[..256]) : null;

    /// <summary>Every log line of ingest names the request it is about (for a retransmission: the first request's id).</summary>
    private IDisposable? TrackingScope(string trackingId) =>
        logger.BeginScope(new Dictionary<string, object> { ["TrackingId"] = trackingId });

    private static DeliveryMessage NewMessage(string trackingId, RequestShape shape, byte[] bodyBytes, IngestCall call, DateTimeOffset receivedAt) => new()
    {
        TrackingId = trackingId,
        Caller = call.Caller.Name,
        Source = shape,
        ReceivedAt = receivedAt,
        Body = bodyBytes,
        TraceParent = call.TraceParent,
    };

    /// <summary>
    /// Queues the message. When the queue write fails, its message may still have arrived (the answer was lost), so the
    /// record this call created is withdrawn with its key (one transaction, conditional on the record's version), retried
    /// through a short outage.
    /// Delivery claims a record with an update conditional on the same version, so exactly one of the two wins: a
    /// withdrawn record means nothing will be sent (503 is true); a claimed one means the message exists and will be
    /// delivered, so the call is acknowledged after all. Throws when it cannot tell (storage down for the whole window).
    /// </summary>
    private async Task EnqueueOrUndoAsync(DeliveryMessage message, byte[] bodyBytes, RequestRecord created, CancellationToken cancellationToken)
    {
        Exception failure;
        try
        {
            message = await OffloadIfLargeAsync(message, bodyBytes, cancellationToken).ConfigureAwait(false);
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
                if (await records.TryWithdrawAsync(created, CancellationToken.None).ConfigureAwait(false)) break;
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

    private async Task<DeliveryMessage> OffloadIfLargeAsync(DeliveryMessage message, byte[] bodyBytes, CancellationToken cancellationToken)
    {
        if (bodyBytes.Length <= MaxInlineMessageBytes - MessageEnvelopeAllowance) return message;
        var blob = await payloads.SaveAsync(message.TrackingId, BinaryData.FromBytes(bodyBytes), cancellationToken)
            .ConfigureAwait(false);
        return message with { Body = null, BodyBlob = blob };
    }

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "Refused interview alert {TrackingId} could not be recorded ({Error}); refused all the same")]
    private static partial void LogRefusalNotRecorded(ILogger logger, string trackingId, string error);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Interview alert {TrackingId} accepted ({Shape})")]
    private static partial void LogAccepted(ILogger logger, string trackingId, RequestShape shape);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Interview alert {TrackingId} retransmitted ({Shape}); not queued again")]
    private static partial void LogDuplicate(ILogger logger, string trackingId, RequestShape shape);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "Interview alert {TrackingId}: its key was used again with a different body ({Shape}); refused, nothing queued")]
    private static partial void LogConflict(ILogger logger, string trackingId, RequestShape shape);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Error, Message = "Interview alert {TrackingId} not accepted: storage unavailable ({Error})")]
    private static partial void LogUnavailable(ILogger logger, string trackingId, string error);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Interview alert {TrackingId}: queue write failed and its record could not be withdrawn ({Error}); answering 503")]
    private static partial void LogUndoFailed(ILogger logger, string trackingId, string error);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Interview alert {TrackingId}: queue write reported failure but delivery already took the message ({State}); acknowledging")]
    private static partial void LogClaimedDespiteFailure(ILogger logger, string trackingId, RequestState state);
}
