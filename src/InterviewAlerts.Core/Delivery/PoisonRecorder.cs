using InterviewAlerts.Core.Storage;
using InterviewAlerts.Core.Tracking;
using Microsoft.Extensions.Logging;

namespace InterviewAlerts.Core.Delivery;

/// <summary>
/// Picks up messages the Functions runtime moved to the poison queue (crashes, repeated exceptions) and
/// records them as dead letters with their history, so nothing ends silently.
/// </summary>
public sealed partial class PoisonRecorder(
    IRequestRecordStore records,
    IDeadLetterQueue deadLetters,
    TimeProvider time,
    ILogger<PoisonRecorder> logger)
{
    public async Task RecordAsync(string rawMessage, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!DeliveryMessageSerializer.TryDeserialize<DeliveryMessage>(rawMessage, out var message, out var problem)
            || !TrackingIds.IsWellFormed(message!.TrackingId))
        {
            await deadLetters.AddAsync(new DeadLetter
            {
                TrackingId = "unknown",
                State = RequestState.Poisoned,
                Reason = "Poisoned and unreadable: " + (problem ?? "no valid tracking id."),
                DeadLetteredAt = now,
                RawMessage = rawMessage,
            }, cancellationToken).ConfigureAwait(false);
            LogPoisoned(logger, "unknown");
            return;
        }

        var record = await records.GetAsync(message.Caller, message.TrackingId, cancellationToken).ConfigureAwait(false);
        if (record?.State == RequestState.Delivered)
        {
            // Delivered, then failed before the message was deleted: the poison copy is a duplicate.
            LogAlreadyDelivered(logger, message.TrackingId);
            return;
        }

        const string reason = "The delivery function failed on this message repeatedly (maxDequeueCount reached); see the logs for the tracking id.";
        await deadLetters.AddAsync(new DeadLetter
        {
            TrackingId = message.TrackingId,
            State = RequestState.Poisoned,
            Reason = reason,
            DeadLetteredAt = now,
            Message = message,
        }, cancellationToken).ConfigureAwait(false);

        var poisoned = (record ?? new RequestRecord
        {
            TrackingId = message.TrackingId,
            Caller = message.Caller,
            Source = message.Source,
            State = RequestState.Poisoned,
            ReceivedAt = message.ReceivedAt,
            Attempts = message.Attempt,
        }) with { State = RequestState.Poisoned, UpdatedAt = now, LeaseUntil = null, LastError = reason };
        await records.UpsertAsync(poisoned, cancellationToken).ConfigureAwait(false);
        LogPoisoned(logger, message.TrackingId);
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Error, Message = "Interview alert {TrackingId} poisoned")]
    private static partial void LogPoisoned(ILogger logger, string trackingId);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Interview alert {TrackingId} in the poison queue was already delivered; ignored")]
    private static partial void LogAlreadyDelivered(ILogger logger, string trackingId);
}
