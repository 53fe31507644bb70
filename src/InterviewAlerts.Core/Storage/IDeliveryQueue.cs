using InterviewAlerts.Core.Delivery;

namespace InterviewAlerts.Core.Storage;

/// <summary>The delivery queue the queue-triggered function reads.</summary>
public interface IDeliveryQueue
{
    /// <summary>Adds a message, invisible for <paramref name="delay"/> (at most 7 days). Throws when storage is unavailable.</summary>
    Task EnqueueAsync(DeliveryMessage message, TimeSpan? delay, CancellationToken cancellationToken);
}

/// <summary>Dead letters: written by delivery, read back by operators and replay.</summary>
public interface IDeadLetterQueue
{
    Task AddAsync(DeadLetter deadLetter, CancellationToken cancellationToken);

    /// <summary>Takes up to <paramref name="max"/> dead letters out of sight for a while; delete each once handled.</summary>
    Task<IReadOnlyList<ReceivedDeadLetter>> ReceiveAsync(int max, TimeSpan visibility, CancellationToken cancellationToken);

    Task DeleteAsync(ReceivedDeadLetter received, CancellationToken cancellationToken);
}

public sealed record ReceivedDeadLetter(DeadLetter? DeadLetter, string RawText, string MessageId, string PopReceipt);
