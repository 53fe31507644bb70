using InterviewAlerts.Core.Storage;
using InterviewAlerts.Core.Tracking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewAlerts.Core.Delivery;

/// <summary>What one purge deleted.</summary>
public sealed record PurgeReport(int Records, int Blobs);

/// <summary>
/// Deletes what is kept of finished requests once <see cref="DeliveryOptions.Retention"/> has passed: terminal
/// records, then every blob (request body, dead letter) older than the retention whose request no longer has a record,
/// and unreadable messages' dead letters older than the retention.
/// </summary>
public sealed partial class RetentionPurger(
    IRequestRecordStore records,
    IPayloadStore payloads,
    IDeadLetterStore deadLetters,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<RetentionPurger> logger)
{
    public async Task<PurgeReport> PurgeAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Value.Retention;
        var purgedRecords = await records.PurgeAsync(cutoff, cancellationToken).ConfigureAwait(false);

        var purgedBlobs = 0;
        await foreach (var blob in payloads.ListOlderThanAsync(cutoff, cancellationToken).ConfigureAwait(false))
        {
            // A body blob is named after its tracking id ("{id}.json"). One whose request still has a record is still
            // needed (in flight, or ended recently after a replay).
            var trackingId = blob.Split('.', 2)[0];
            if (TrackingIds.IsWellFormed(trackingId) && await records.FindAsync(trackingId, cancellationToken).ConfigureAwait(false) is not null) continue;
            await payloads.DeleteAsync(blob, cancellationToken).ConfigureAwait(false);
            purgedBlobs++;
        }

        await foreach (var deadLetter in deadLetters.ListOlderThanAsync(cutoff, cancellationToken).ConfigureAwait(false))
        {
            // A dead letter is written before its record's last update, so it is older than its record: deleted in the
            // same purge as the record, and kept while the record is.
            if (deadLetter is { Caller: { } caller, TrackingId: { } id }
                && await records.GetAsync(caller, id, cancellationToken).ConfigureAwait(false) is not null) continue;
            await deadLetters.DeleteAsync(deadLetter, cancellationToken).ConfigureAwait(false);
            purgedBlobs++;
        }

        LogPurged(logger, purgedRecords, purgedBlobs, options.Value.Retention);
        return new PurgeReport(purgedRecords, purgedBlobs);
    }

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Retention purge: {Records} records and {Blobs} blobs older than {Retention} deleted")]
    private static partial void LogPurged(ILogger logger, int records, int blobs, TimeSpan retention);
}
