using Azure.Storage.Queues;

namespace InterviewAlerts.Core.Observability;

/// <summary>
/// Measures how long the oldest visible message has waited in the delivery queue: one peek, one storage transaction.
/// A message re-scheduled with a delay counts from when it was re-queued, so its delay is part of its age.
/// </summary>
public sealed class DeliveryQueueAge(QueueClient deliveryQueue, AdapterMetrics metrics, TimeProvider time)
{
    public async Task<TimeSpan> MeasureAsync(CancellationToken cancellationToken)
    {
        var oldest = await deliveryQueue.PeekMessageAsync(cancellationToken).ConfigureAwait(false);
        var age = oldest.Value?.InsertedOn is { } inserted ? time.GetUtcNow() - inserted : TimeSpan.Zero;
        if (age < TimeSpan.Zero) age = TimeSpan.Zero;
        metrics.OldestQueuedMessageAge(age);
        return age;
    }
}
