using InterviewAlerts.Core.Delivery;
using Microsoft.Azure.Functions.Worker;

namespace InterviewAlerts.Functions.Functions;

/// <summary>Hourly: deletes records and blobs of requests that ended longer than Delivery:Retention ago (tables and blobs have no TTL).</summary>
public sealed class PurgeExpiredRecords(RetentionPurger purger)
{
    [Function(nameof(PurgeExpiredRecords))]
    public Task Run([TimerTrigger("0 17 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        purger.PurgeAsync(cancellationToken);
}
