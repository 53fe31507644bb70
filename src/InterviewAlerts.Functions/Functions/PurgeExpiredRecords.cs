using InterviewAlerts.Core.Delivery;
using InterviewAlerts.Core.Tracking;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace InterviewAlerts.Functions.Functions;

/// <summary>Hourly: deletes terminal request records older than the retention (at least 72 h); tables have no TTL.</summary>
public sealed class PurgeExpiredRecords(IRequestRecordStore records, IOptions<DeliveryOptions> options, TimeProvider time)
{
    [Function(nameof(PurgeExpiredRecords))]
    public Task Run([TimerTrigger("0 17 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        records.PurgeAsync(time.GetUtcNow() - options.Value.RecordRetention, cancellationToken);
}
