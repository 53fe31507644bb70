using InterviewAlerts.Core.Observability;
using InterviewAlerts.Core.Tracking;
using Microsoft.Extensions.Logging;

namespace InterviewAlerts.Core.Delivery;

/// <summary>
/// Picks up messages the Functions runtime moved to the poison queue (unreadable messages, crashes, repeated
/// exceptions) and makes sure each ends with a dead letter, so nothing ends silently. It never sends anything, and
/// a request that already has an outcome keeps it: only its missing dead letter is written.
/// </summary>
public sealed partial class PoisonRecorder(
    IRequestRecordStore records,
    DeadLetterWriter deadLetters,
    AdapterMetrics metrics,
    TimeProvider time,
    ILogger<PoisonRecorder> logger)
{
    public const string PoisonedReason =
        "The delivery function failed on this message repeatedly (maxDequeueCount reached); see the logs for the tracking id.";

    public async Task RecordAsync(string rawMessage, CancellationToken cancellationToken)
    {
        if (!DeliveryMessageSerializer.TryDeserialize<DeliveryMessage>(rawMessage, out var message, out var problem)
            || !TrackingIds.IsWellFormed(message!.TrackingId))
        {
            await deadLetters.WriteUnreadableAsync(rawMessage, "Poisoned and unreadable: " + (problem ?? "no valid tracking id."), cancellationToken)
                .ConfigureAwait(false);
            metrics.DeliveryPoisoned(DeadLetterReasons.UnreadableMessage);
            return;
        }

        var record = await records.GetAsync(message.Caller, message.TrackingId, cancellationToken).ConfigureAwait(false);
        if (record is { State: RequestState.Delivered } || record?.DeadLetteredAt is not null)
        {
            // Delivered, or ended and dead-lettered, before the message was deleted: the poison copy is a duplicate.
            LogAlreadyEnded(logger, message.TrackingId, record.State);
            return;
        }

        if (record is not null && record.State.IsDeadLettered())
        {
            // Ended (rejected, expired) but its dead letter was never written: write it with the recorded reason.
            await deadLetters.WriteAsync(message, record, record.LastError ?? record.State.ToString(), cancellationToken).ConfigureAwait(false);
            return;
        }

        var now = time.GetUtcNow();
        var poisoned = (record ?? new RequestRecord
        {
            TrackingId = message.TrackingId,
            Caller = message.Caller,
            Source = message.Source,
            State = RequestState.Poisoned,
            ReceivedAt = message.ReceivedAt,
            Attempts = message.Attempt,
        }) with { State = RequestState.Poisoned, UpdatedAt = now, LeaseUntil = null, LastError = PoisonedReason, DeadLetterReason = DeadLetterReasons.Poisoned };

        // The terminal state first: from then on no copy of the message is sent.
        await records.UpsertAsync(poisoned, cancellationToken).ConfigureAwait(false);
        metrics.DeliveryPoisoned(DeadLetterReasons.Poisoned);
        await deadLetters.WriteAsync(message, poisoned, PoisonedReason, cancellationToken).ConfigureAwait(false);
        LogPoisoned(logger, message.TrackingId);
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Error, Message = "Interview alert {TrackingId} poisoned")]
    private static partial void LogPoisoned(ILogger logger, string trackingId);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Interview alert {TrackingId} in the poison queue had already ended ({State}); ignored")]
    private static partial void LogAlreadyEnded(ILogger logger, string trackingId, RequestState state);
}
