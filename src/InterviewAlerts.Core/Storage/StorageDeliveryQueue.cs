using Azure.Storage.Queues;
using InterviewAlerts.Core.Delivery;

namespace InterviewAlerts.Core.Storage;

/// <summary>The delivery queue on Azure Storage. Messages are base64-encoded, as the queue trigger expects.</summary>
public sealed class StorageDeliveryQueue(QueueClient queue) : IDeliveryQueue
{
    /// <summary>Largest message text written as is: a queue message holds 64 KiB after base64, about 48 KB of JSON.</summary>
    public const int MaxMessageBytes = 45 * 1024;

    /// <summary>A queue message may be invisible for at most seven days.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    public async Task EnqueueAsync(DeliveryMessage message, TimeSpan? delay, CancellationToken cancellationToken)
    {
        var visibility = delay is { } d ? (d > MaxDelay ? MaxDelay : d) : (TimeSpan?)null;
        await queue.SendMessageAsync(DeliveryMessageSerializer.Serialize(message), visibility, TimeSpan.FromSeconds(-1), cancellationToken)
            .ConfigureAwait(false);
    }
}
