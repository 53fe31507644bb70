using System.Text.Json.Nodes;
using InterviewAlerts.Core.Observability;
using InterviewAlerts.Core.Paradox;
using InterviewAlerts.Core.Storage;
using InterviewAlerts.Core.Tracking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewAlerts.Core.Delivery;

/// <summary>
/// The delivery state machine for one queue message: claim the request, send it to Paradox once, and end
/// in exactly one of delivered / retrying (re-scheduled with backoff) / rejected / expired. The request
/// record makes redelivered and duplicate copies harmless.
/// </summary>
public sealed partial class DeliveryProcessor(
    IParadoxClient paradox,
    IRequestRecordStore records,
    IDeliveryQueue queue,
    IDeadLetterQueue deadLetters,
    IPayloadStore payloads,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<DeliveryProcessor> logger)
{
    /// <summary>Stop retrying the final record write this long before the attempt's lease ends.</summary>
    private static readonly TimeSpan TerminalWriteSafetyMargin = TimeSpan.FromSeconds(10);

    private readonly RetrySchedule _schedule = new(options.Value);

    public async Task<DeliveryResult> ProcessAsync(string rawMessage, CancellationToken cancellationToken)
    {
        if (!DeliveryMessageSerializer.TryDeserialize<DeliveryMessage>(rawMessage, out var message, out var problem)
            || !TrackingIds.IsWellFormed(message!.TrackingId))
        {
            problem ??= "The message has no valid tracking id.";
            await deadLetters.AddAsync(new DeadLetter
            {
                TrackingId = "unknown",
                State = RequestState.Poisoned,
                Reason = problem,
                DeadLetteredAt = time.GetUtcNow(),
                RawMessage = rawMessage,
            }, cancellationToken).ConfigureAwait(false);
            LogUnreadable(logger, problem);
            return DeliveryResult.Unreadable;
        }

        using var activity = Telemetry.StartLinked("DeliverInterviewAlert", message.TraceParent);
        activity?.SetTag("interview_alert.tracking_id", message.TrackingId);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["TrackingId"] = message.TrackingId });
        return await ProcessAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DeliveryResult> ProcessAsync(DeliveryMessage message, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var record = await records.GetAsync(message.Caller, message.TrackingId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            // Ingest writes the record before the message and removes it when it answers 503; a message without one
            // reached the queue although its queue write failed, and the caller was told nothing was queued.
            LogNotAccepted(logger, message.TrackingId, message.Attempt);
            return DeliveryResult.NotAccepted;
        }

        if (record.State.IsTerminal() || message.Attempt < record.Attempts)
        {
            LogDuplicate(logger, message.TrackingId, message.Attempt, record.State);
            return DeliveryResult.Duplicate;
        }

        if (record.State == RequestState.Sending && record.LeaseUntil > now && message.Attempt == record.Attempts)
        {
            return await DeferAsync(message, record.LeaseUntil.Value - now, cancellationToken).ConfigureAwait(false);
        }

        // Read the body before claiming: a missing blob fails this try like any crash (and ends in the poison queue).
        var body = await LoadBodyAsync(message, cancellationToken).ConfigureAwait(false);

        var claimed = record with { State = RequestState.Sending, Attempts = message.Attempt, LeaseUntil = now + options.Value.AttemptLease, UpdatedAt = now };
        if (!await records.TryUpdateAsync(claimed, cancellationToken).ConfigureAwait(false))
        {
            return await DeferAsync(message, TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
        }

        ParadoxOutcome outcome;
        try
        {
            outcome = await paradox.SendInterviewAlertAsync(body, message.TrackingId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            await ReleaseAsync(claimed).ConfigureAwait(false);
            throw;
        }

        var attempt = new DeliveryAttempt(message.Attempt, time.GetUtcNow(), outcome.Kind.ToString(), outcome.HttpStatus, outcome.Detail);
        var withHistory = message with { History = [.. message.History, attempt] };

        try
        {
            return outcome.Kind switch
            {
                ParadoxOutcomeKind.Delivered => await CompleteDeliveredAsync(withHistory, claimed, outcome, cancellationToken).ConfigureAwait(false),
                ParadoxOutcomeKind.Transient => await RetryOrExpireAsync(withHistory, claimed, outcome, cancellationToken).ConfigureAwait(false),
                _ => await DeadLetterAsync(withHistory, claimed, RequestState.Rejected, outcome.Detail, outcome.HttpStatus, cancellationToken).ConfigureAwait(false),
            };
        }
        catch (Exception) when (outcome.Kind != ParadoxOutcomeKind.Delivered && !cancellationToken.IsCancellationRequested)
        {
            // Paradox did not take it, so the next try may send it again at once. After a delivery the claim is
            // kept: a redelivered copy then waits out the lease instead of sending a duplicate.
            await ReleaseAsync(claimed).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Gives up this attempt's claim so the runtime's retry of the same message can proceed. Best effort.</summary>
    private async Task ReleaseAsync(RequestRecord claimed)
    {
        try
        {
            await records.UpsertAsync(claimed with { State = RequestState.Retrying, LeaseUntil = null, UpdatedAt = time.GetUtcNow() }, CancellationToken.None)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReleaseFailed(logger, claimed.TrackingId, ex.GetType().Name);
        }
    }

    private async Task<JsonObject> LoadBodyAsync(DeliveryMessage message, CancellationToken cancellationToken)
    {
        if (message.Body is not null) return message.Body;
        if (message.BodyBlob is null) throw new InvalidOperationException($"Message {message.TrackingId} carries neither a body nor a blob reference.");
        var data = await payloads.LoadAsync(message.BodyBlob, cancellationToken).ConfigureAwait(false);
        return JsonNode.Parse(data.ToMemory().Span)!.AsObject();
    }

    private async Task<DeliveryResult> CompleteDeliveredAsync(DeliveryMessage message, RequestRecord claimed, ParadoxOutcome outcome, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await WriteTerminalAsync(claimed with
        {
            State = RequestState.Delivered,
            DeliveredAt = now,
            UpdatedAt = now,
            LeaseUntil = null,
            LastError = null,
            LastHttpStatus = outcome.HttpStatus,
        }, cancellationToken).ConfigureAwait(false);

        if (message.BodyBlob is not null) await payloads.DeleteAsync(message.BodyBlob, cancellationToken).ConfigureAwait(false);
        LogDelivered(logger, message.TrackingId, message.Attempt);
        return DeliveryResult.Delivered;
    }

    private async Task<DeliveryResult> RetryOrExpireAsync(DeliveryMessage message, RequestRecord claimed, ParadoxOutcome outcome, CancellationToken cancellationToken)
    {
        LogAttemptFailed(logger, message.TrackingId, message.Attempt, outcome.HttpStatus ?? 0);
        var delay = _schedule.DelayAfter(message.Attempt, outcome.RetryAfter);
        var now = time.GetUtcNow();
        if (now + delay > message.WindowStart + options.Value.RetryHorizon)
        {
            var reason = $"Expired: still failing after {message.Attempt} attempts over {options.Value.RetryHorizon}; last: {outcome.Detail}";
            return await DeadLetterAsync(message, claimed, RequestState.Expired, reason, outcome.HttpStatus, cancellationToken).ConfigureAwait(false);
        }

        await queue.EnqueueAsync(message with { Attempt = message.Attempt + 1 }, delay, cancellationToken).ConfigureAwait(false);
        await records.UpsertAsync(claimed with
        {
            State = RequestState.Retrying,
            UpdatedAt = now,
            LeaseUntil = null,
            LastError = outcome.Detail,
            LastHttpStatus = outcome.HttpStatus,
        }, cancellationToken).ConfigureAwait(false);
        LogRescheduled(logger, message.TrackingId, message.Attempt + 1, (int)delay.TotalSeconds);
        return DeliveryResult.Retrying;
    }

    private async Task<DeliveryResult> DeadLetterAsync(DeliveryMessage message, RequestRecord claimed, RequestState state, string reason, int? httpStatus, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await deadLetters.AddAsync(new DeadLetter
        {
            TrackingId = message.TrackingId,
            State = state,
            Reason = reason,
            DeadLetteredAt = now,
            Message = message,
        }, cancellationToken).ConfigureAwait(false);
        await WriteTerminalAsync(claimed with { State = state, UpdatedAt = now, LeaseUntil = null, LastError = reason, LastHttpStatus = httpStatus }, cancellationToken)
            .ConfigureAwait(false);
        LogDeadLettered(logger, message.TrackingId, state);
        return state == RequestState.Expired ? DeliveryResult.Expired : DeliveryResult.Rejected;
    }

    /// <summary>
    /// Writes the final state once Paradox has answered. This write is what stops a redelivered copy from sending the
    /// request again, so a storage hiccup is retried for as long as this attempt's lease lasts (the storage client's own
    /// retries give up within seconds), instead of failing the run and leaving the record "Sending".
    /// </summary>
    private async Task WriteTerminalAsync(RequestRecord record, CancellationToken cancellationToken)
    {
        var until = time.GetUtcNow() + options.Value.AttemptLease - TerminalWriteSafetyMargin;
        var wait = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                await records.UpsertAsync(record, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && time.GetUtcNow() + wait < until)
            {
                LogTerminalWriteRetry(logger, record.TrackingId, record.State, ex.GetType().Name);
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }

    private async Task<DeliveryResult> DeferAsync(DeliveryMessage message, TimeSpan delay, CancellationToken cancellationToken)
    {
        await queue.EnqueueAsync(message, delay, cancellationToken).ConfigureAwait(false);
        LogDeferred(logger, message.TrackingId, message.Attempt);
        return DeliveryResult.Deferred;
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Interview alert {TrackingId} delivered (attempt {Attempt})")]
    private static partial void LogDelivered(ILogger logger, string trackingId, int attempt);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Interview alert {TrackingId} delivery attempt failed (attempt {Attempt}, HTTP {Status})")]
    private static partial void LogAttemptFailed(ILogger logger, string trackingId, int attempt, int status);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Interview alert {TrackingId} re-scheduled as attempt {Attempt} in {DelaySeconds} s")]
    private static partial void LogRescheduled(ILogger logger, string trackingId, int attempt, int delaySeconds);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "Interview alert {TrackingId} dead-lettered: {Reason}")]
    private static partial void LogDeadLettered(ILogger logger, string trackingId, RequestState reason);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Interview alert {TrackingId} attempt {Attempt} skipped: already {State}")]
    private static partial void LogDuplicate(ILogger logger, string trackingId, int attempt, RequestState state);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Interview alert {TrackingId} attempt {Attempt} deferred: another attempt holds it")]
    private static partial void LogDeferred(ILogger logger, string trackingId, int attempt);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning, Message = "Interview alert {TrackingId}: could not release the attempt's claim ({Error}); it lapses by itself")]
    private static partial void LogReleaseFailed(ILogger logger, string trackingId, string error);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Error, Message = "Unreadable delivery message dead-lettered: {Problem}")]
    private static partial void LogUnreadable(ILogger logger, string problem);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning, Message = "Interview alert {TrackingId} attempt {Attempt} not sent: it has no record (ingest answered 503 for it)")]
    private static partial void LogNotAccepted(ILogger logger, string trackingId, int attempt);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Warning, Message = "Interview alert {TrackingId}: writing state {State} failed ({Error}); retrying")]
    private static partial void LogTerminalWriteRetry(ILogger logger, string trackingId, RequestState state, string error);
}
