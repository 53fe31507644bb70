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
    DeadLetterWriter deadLetters,
    IPayloadStore payloads,
    IOptions<DeliveryOptions> options,
    AdapterMetrics metrics,
    TimeProvider time,
    ILogger<DeliveryProcessor> logger) : IDisposable
{
    /// <summary>Stop retrying the final record write this long before the attempt's lease ends.</summary>
    private static readonly TimeSpan TerminalWriteSafetyMargin = TimeSpan.FromSeconds(10);

    /// <summary>Paradox's text kept in a record (a table property holds 32 K characters); the dead letter keeps all of it.</summary>
    private const int MaxStoredErrorLength = 16_000;

    private readonly RetrySchedule _schedule = new(options.Value);

    /// <summary>Bounds the Paradox calls, not the messages: a message reads and claims its record while others wait on Paradox.</summary>
    private readonly SemaphoreSlim _paradoxCalls = new(options.Value.MaxConcurrentParadoxCalls);

    public void Dispose() => _paradoxCalls.Dispose();

    /// <summary>
    /// Processes one raw queue message. A message that is not a readable request throws: the runtime's retries end
    /// in the poison queue, where <see cref="PoisonRecorder"/> dead-letters it as is (the one place that does).
    /// </summary>
    public async Task<DeliveryResult> ProcessAsync(string rawMessage, CancellationToken cancellationToken)
    {
        if (!DeliveryMessageSerializer.TryDeserialize<DeliveryMessage>(rawMessage, out var message, out var problem)
            || !TrackingIds.IsWellFormed(message!.TrackingId))
        {
            throw new UnreadableMessageException(problem ?? "The message has no valid tracking id.");
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

        if (record.State.IsTerminal())
        {
            return record.State.IsDeadLettered() && record.DeadLetteredAt is null
                ? await FinishDeadLetterAsync(message, record, now, cancellationToken).ConfigureAwait(false)
                : Duplicate(message, record);
        }

        if (message.Attempt < record.Attempts) return Duplicate(message, record);

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
            await _paradoxCalls.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                outcome = await paradox.SendInterviewAlertAsync(body, message.TrackingId, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _paradoxCalls.Release();
            }
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            await ReleaseAsync(claimed).ConfigureAwait(false);
            throw;
        }

        // Paradox's text may quote the candidate: whatever the request carried is masked before anything is stored.
        var detail = PersonalDataRedactor.Redact(outcome.Detail, body);
        var attempt = new DeliveryAttempt(message.Attempt, time.GetUtcNow(), outcome.Kind.ToString(), outcome.HttpStatus, detail);
        var withHistory = message with { History = [.. message.History, attempt] };
        // The record's history rides on the write that follows (delivered, retrying or ended): no extra storage call.
        var attempted = claimed with { History = RequestHistory.Append(claimed.History, new AttemptEntry(attempt.Number, attempt.At, attempt.Outcome, attempt.HttpStatus, detail)) };

        return outcome.Kind switch
        {
            ParadoxOutcomeKind.Delivered => await CompleteDeliveredAsync(withHistory, attempted, outcome, cancellationToken).ConfigureAwait(false),
            ParadoxOutcomeKind.Transient => await RetryOrExpireAsync(withHistory, attempted, outcome, detail, cancellationToken).ConfigureAwait(false),
            _ => await EndAsync(withHistory, attempted, RequestState.Rejected, DeadLetterReasons.Of(outcome), detail, outcome.HttpStatus, cancellationToken).ConfigureAwait(false),
        };
    }

    private DeliveryResult Duplicate(DeliveryMessage message, RequestRecord record)
    {
        LogDuplicate(logger, message.TrackingId, message.Attempt, record.State);
        return DeliveryResult.Duplicate;
    }

    /// <summary>
    /// The request ended (rejected, expired, poisoned) but its dead letter was not written, e.g. the run that ended it
    /// crashed in between: write it now, never send. While the ending run may still be writing it (its lease), wait.
    /// </summary>
    private async Task<DeliveryResult> FinishDeadLetterAsync(DeliveryMessage message, RequestRecord record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (record.LeaseUntil > now) return await DeferAsync(message, record.LeaseUntil.Value - now, cancellationToken).ConfigureAwait(false);

        var taken = record with { LeaseUntil = now + options.Value.AttemptLease };
        if (!await records.TryUpdateAsync(taken, cancellationToken).ConfigureAwait(false))
        {
            return await DeferAsync(message, TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
        }

        await deadLetters.WriteAsync(message, taken, taken.LastError ?? taken.State.ToString(), cancellationToken).ConfigureAwait(false);
        return DeliveryResult.DeadLetterCompleted;
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

    private async Task<byte[]> LoadBodyAsync(DeliveryMessage message, CancellationToken cancellationToken)
    {
        if (message.Body is not null) return message.Body;
        if (message.BodyBlob is null) throw new InvalidOperationException($"Message {message.TrackingId} carries neither a body nor a blob reference.");
        var data = await payloads.LoadAsync(message.BodyBlob, cancellationToken).ConfigureAwait(false);
        return data.ToArray();
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

        metrics.Delivered(outcome.HttpStatus, message.Attempt, now - message.ReceivedAt);
        if (message.BodyBlob is not null) await payloads.DeleteAsync(message.BodyBlob, cancellationToken).ConfigureAwait(false);
        LogDelivered(logger, message.TrackingId, message.Attempt);
        return DeliveryResult.Delivered;
    }

    private async Task<DeliveryResult> RetryOrExpireAsync(DeliveryMessage message, RequestRecord claimed, ParadoxOutcome outcome, string detail, CancellationToken cancellationToken)
    {
        LogAttemptFailed(logger, message.TrackingId, message.Attempt, outcome.HttpStatus ?? 0);
        var delay = _schedule.DelayAfter(message.Attempt, outcome.RetryAfter);
        var now = time.GetUtcNow();
        var horizonEnd = message.WindowStart + options.Value.RetryHorizon;
        if (now + delay > horizonEnd)
        {
            var (code, reason) = ExpiryReason(message, outcome, detail, now, horizonEnd);
            return await EndAsync(message, claimed, RequestState.Expired, code, reason, outcome.HttpStatus, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await queue.EnqueueAsync(message with { Attempt = message.Attempt + 1 }, delay, cancellationToken).ConfigureAwait(false);
            await records.UpsertAsync(claimed with
            {
                State = RequestState.Retrying,
                UpdatedAt = now,
                LeaseUntil = null,
                LastError = Shorten(detail),
                LastHttpStatus = outcome.HttpStatus,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Paradox did not take it, so the runtime's retry of this message may send it again at once.
            await ReleaseAsync(claimed).ConfigureAwait(false);
            throw;
        }

        LogRescheduled(logger, message.TrackingId, message.Attempt + 1, (int)delay.TotalSeconds);
        metrics.DeliveryRetried(outcome.HttpStatus);
        return DeliveryResult.Retrying;
    }

    private (string Code, string Reason) ExpiryReason(DeliveryMessage message, ParadoxOutcome outcome, string detail, DateTimeOffset now, DateTimeOffset horizonEnd)
    {
        // A Retry-After header comes with 408/429/5xx; a 401's wait is the adapter's own spacing of token requests.
        if (outcome.RetryAfter is { } retryAfter && now + retryAfter > horizonEnd && outcome.HttpStatus is not (null or 401))
        {
            return (DeadLetterReasons.RetryAfterBeyondHorizon, $"Expired: Paradox asked to wait {retryAfter} (Retry-After) before the next try, past the end of the retry horizon " +
                $"({options.Value.RetryHorizon} from {message.WindowStart:u}, ends {horizonEnd:u}); {message.Attempt} attempts; last: {detail}");
        }

        return (DeadLetterReasons.RetriesExhausted, $"Expired: still failing after {message.Attempt} attempts over {options.Value.RetryHorizon}; last: {detail}");
    }

    /// <summary>
    /// Ends the request: its terminal state and reason are recorded first (a copy of the message that arrives later is
    /// then never sent), then its dead letter is written. The record's lease is held until the dead letter is noted.
    /// </summary>
    private async Task<DeliveryResult> EndAsync(
        DeliveryMessage message, RequestRecord claimed, RequestState state, string reasonCode, string reason, int? httpStatus, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var terminal = claimed with
        {
            State = state,
            UpdatedAt = now,
            LeaseUntil = now + options.Value.AttemptLease,
            LastError = Shorten(reason),
            LastHttpStatus = httpStatus,
            DeadLetterReason = reasonCode,
            DeadLetteredAt = null,
        };
        await WriteTerminalAsync(terminal, cancellationToken).ConfigureAwait(false);
        metrics.DeliveryEnded(state, reasonCode, httpStatus, message.Attempt, now - message.ReceivedAt);
        await deadLetters.WriteAsync(message, terminal, reason, cancellationToken).ConfigureAwait(false);
        return state == RequestState.Expired ? DeliveryResult.Expired : DeliveryResult.Rejected;
    }

    private static string Shorten(string text) =>
        text.Length <= MaxStoredErrorLength ? text : text[..MaxStoredErrorLength] + " …";

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

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Interview alert {TrackingId} attempt {Attempt} skipped: already {State}")]
    private static partial void LogDuplicate(ILogger logger, string trackingId, int attempt, RequestState state);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Interview alert {TrackingId} attempt {Attempt} deferred: another attempt holds it")]
    private static partial void LogDeferred(ILogger logger, string trackingId, int attempt);

    [LoggerMessage(EventId = 3010, Level = LogLevel.Warning, Message = "Interview alert {TrackingId}: could not release the attempt's claim ({Error}); it lapses by itself")]
    private static partial void LogReleaseFailed(ILogger logger, string trackingId, string error);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning, Message = "Interview alert {TrackingId} attempt {Attempt} not sent: it has no record (ingest answered 503 for it)")]
    private static partial void LogNotAccepted(ILogger logger, string trackingId, int attempt);

    [LoggerMessage(EventId = 3009, Level = LogLevel.Warning, Message = "Interview alert {TrackingId}: writing state {State} failed ({Error}); retrying")]
    private static partial void LogTerminalWriteRetry(ILogger logger, string trackingId, RequestState state, string error);
}
