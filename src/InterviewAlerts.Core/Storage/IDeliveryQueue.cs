using InterviewAlerts.Core.Delivery;

namespace InterviewAlerts.Core.Storage;

/// <summary>The delivery queue the queue-triggered function reads.</summary>
public interface IDeliveryQueue
{
    /// <summary>Adds a message, invisible for <paramref name="delay"/> (at most 7 days). Throws when storage is unavailable.</summary>
    Task EnqueueAsync(DeliveryMessage message, TimeSpan? delay, CancellationToken cancellationToken);
}
