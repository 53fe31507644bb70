using InterviewAlerts.Core.Storage;
using InterviewAlerts.Core.Tracking;
using Microsoft.Extensions.Logging;

namespace InterviewAlerts.Core.Delivery;

/// <summary>What a replay did.</summary>
public sealed record ReplayReport(int Replayed, int AlreadyDelivered, int Unreplayable, IReadOnlyList<string> TrackingIds);

/// <summary>
/// Re-drives dead-lettered requests after a fix: each goes back on the delivery queue with a fresh retry
/// window. A request that was delivered in the meantime is not sent again, so replaying twice is harmless.
/// </summary>
public sealed partial class DeadLetterReplayer(
    IDeadLetterQueue deadLetters,
    IDeliveryQueue queue,
    IRequestRecordStore records,
    TimeProvider time,
    ILogger<DeadLetterReplayer> logger)
{
    public async Task<ReplayReport> ReplayAsync(int max, CancellationToken cancellationToken)
    {
        int replayed = 0, delivered = 0, unreplayable = 0;
        var ids = new List<string>();
        while (replayed + delivered + unreplayable < max)
        {
            var batch = await deadLetters.ReceiveAsync(Math.Min(32, max - (replayed + delivered + unreplayable)), TimeSpan.FromMinutes(5), cancellationToken)
                .ConfigureAwait(false);
            if (batch.Count == 0) break;

            foreach (var received in batch)
            {
                if (received.DeadLetter?.Message is not { } message)
                {
                    // Unreadable at the source: leave it (invisible for a while) for a person to inspect.
                    unreplayable++;
                    continue;
                }

                var record = await records.GetAsync(message.Caller, message.TrackingId, cancellationToken).ConfigureAwait(false);
                if (record?.State == RequestState.Delivered)
                {
                    delivered++;
                }
                else
                {
                    await RequeueAsync(message, record, cancellationToken).ConfigureAwait(false);
                    ids.Add(message.TrackingId);
                    replayed++;
                }

                await deadLetters.DeleteAsync(received, cancellationToken).ConfigureAwait(false);
            }
        }

        LogReplayed(logger, replayed, delivered, unreplayable);
        return new ReplayReport(replayed, delivered, unreplayable, ids);
    }

    private async Task RequeueAsync(DeliveryMessage message, RequestRecord? record, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var attempts = Math.Max(record?.Attempts ?? 0, message.Attempt);
        // Reset the record first: the delivery function skips requests whose record is terminal.
        await records.UpsertAsync((record ?? new RequestRecord
        {
            TrackingId = message.TrackingId,
            Caller = message.Caller,
            Source = message.Source,
            State = RequestState.Received,
            ReceivedAt = message.ReceivedAt,
        }) with
        {
            State = RequestState.Received,
            Attempts = attempts,
            UpdatedAt = now,
            LeaseUntil = null,
            DeadLetteredAt = null,
            Replays = (record?.Replays ?? 0) + 1,
        }, cancellationToken)
            .ConfigureAwait(false);
        await queue.EnqueueAsync(message with { Attempt = attempts + 1, RetryWindowStart = now }, null, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "Replay: {Replayed} re-queued, {AlreadyDelivered} already delivered, {Unreplayable} unreadable left in place")]
    private static partial void LogReplayed(ILogger logger, int replayed, int alreadyDelivered, int unreplayable);
}
