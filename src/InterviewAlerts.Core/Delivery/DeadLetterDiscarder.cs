using InterviewAlerts.Core.Storage;
using InterviewAlerts.Core.Tracking;
using Microsoft.Extensions.Logging;

namespace InterviewAlerts.Core.Delivery;

/// <summary>
/// Operators give up on dead-lettered requests: the record becomes discarded (kept until the retention, so the
/// request can still be looked up) and its dead letter is deleted.
/// </summary>
public sealed partial class DeadLetterDiscarder(
    DeadLetterSelector selector,
    IDeadLetterStore deadLetters,
    IRequestRecordStore records,
    TimeProvider time,
    ILogger<DeadLetterDiscarder> logger)
{
    public async Task<DiscardReport> DiscardAsync(DeadLetterSelection selection, CancellationToken cancellationToken)
    {
        List<string> discarded = [], notFound = [];
        foreach (var (trackingId, record) in await selector.SelectAsync(selection, cancellationToken).ConfigureAwait(false))
        {
            if (record is not null && await TryDiscardAsync(record, cancellationToken).ConfigureAwait(false)) discarded.Add(trackingId);
            else notFound.Add(trackingId);
        }

        LogDiscarded(logger, discarded.Count, notFound.Count);
        return new DiscardReport(discarded, notFound);
    }

    private async Task<bool> TryDiscardAsync(RequestRecord record, CancellationToken cancellationToken)
    {
        if (!record.State.IsDeadLettered() && record.State != RequestState.Received) return false;
        if (!await deadLetters.ExistsAsync(record.Caller, record.TrackingId, cancellationToken).ConfigureAwait(false)) return false;

        var now = time.GetUtcNow();
        // The state first, conditional on the version read: a concurrent replay or discard wins or loses as a whole.
        var discarded = record with { State = RequestState.Discarded, DiscardedAt = now, UpdatedAt = now, LeaseUntil = null };
        if (!await records.TryUpdateAsync(discarded, cancellationToken).ConfigureAwait(false)) return false;
        await deadLetters.DeleteAsync(record.Caller, record.TrackingId, cancellationToken).ConfigureAwait(false);
        return true;
    }

    [LoggerMessage(EventId = 3202, Level = LogLevel.Information, Message = "Discard: {Discarded} dead letters discarded, {NotFound} without a held dead letter")]
    private static partial void LogDiscarded(ILogger logger, int discarded, int notFound);
}
