using InterviewAlerts.Core.Storage;
using InterviewAlerts.Core.Tracking;
using Microsoft.Extensions.Logging;

namespace InterviewAlerts.Core.Delivery;

/// <summary>
/// Re-drives dead-lettered requests after a fix: each goes back on the delivery queue with a fresh retry window, state
/// received, one more replay, its dead letter removed. A request delivered in the meantime is not sent again, and one
/// replayed already holds no dead letter, so replaying twice is harmless.
/// </summary>
public sealed partial class DeadLetterReplayer(
    DeadLetterSelector selector,
    IDeadLetterStore deadLetters,
    IDeliveryQueue queue,
    IRequestRecordStore records,
    TimeProvider time,
    ILogger<DeadLetterReplayer> logger)
{
    public async Task<ReplayReport> ReplayAsync(DeadLetterSelection selection, CancellationToken cancellationToken)
    {
        List<string> replayed = [], delivered = [], notFound = [];
        foreach (var (trackingId, record) in await selector.SelectAsync(selection, cancellationToken).ConfigureAwait(false))
        {
            if (record?.State == RequestState.Delivered) delivered.Add(trackingId);
            else if (record is not null && await TryReplayAsync(record, cancellationToken).ConfigureAwait(false)) replayed.Add(trackingId);
            else notFound.Add(trackingId);
        }

        LogReplayed(logger, replayed.Count, delivered.Count, notFound.Count);
        return new ReplayReport(replayed, delivered, notFound);
    }

    private async Task<bool> TryReplayAsync(RequestRecord record, CancellationToken cancellationToken)
    {
        // Received with a dead letter still held: a replay that stopped before removing it; anything else is in flight or ended for good.
        if (!record.State.IsDeadLettered() && record.State != RequestState.Received) return false;
        if (await deadLetters.ReadAsync(record.Caller, record.TrackingId, cancellationToken).ConfigureAwait(false) is not { Message: { } message }) return false;

        var now = time.GetUtcNow();
        var attempts = Math.Max(record.Attempts, message.Attempt);
        // The record first (the delivery function skips requests whose record is terminal), conditional on the version
        // read, so two operators replaying or discarding at once act once; the dead letter last, so a replay that stops
        // half-way can be done again.
        var reset = record with
        {
            State = RequestState.Received,
            Attempts = attempts,
            UpdatedAt = now,
            LeaseUntil = null,
            DeadLetteredAt = null,
            DeadLetterReason = null,
            Replays = record.Replays + 1,
        };
        if (!await records.TryUpdateAsync(reset, cancellationToken).ConfigureAwait(false)) return false;
        await queue.EnqueueAsync(message with { Attempt = attempts + 1, RetryWindowStart = now }, null, cancellationToken).ConfigureAwait(false);
        await deadLetters.DeleteAsync(record.Caller, record.TrackingId, cancellationToken).ConfigureAwait(false);
        return true;
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "Replay: {Replayed} re-queued, {AlreadyDelivered} already delivered, {NotFound} without a held dead letter")]
    private static partial void LogReplayed(ILogger logger, int replayed, int alreadyDelivered, int notFound);
}
