using Azure.Storage.Queues;
using InterviewAlerts.Core.Delivery;

namespace InterviewAlerts.Core.Storage;

/// <summary>The delivery queue on Azure Storage. Messages are base64-encoded, as the queue trigger expects.</summary>
public sealed class StorageDeliveryQueue(QueueClient queue) : IDeliveryQueue
{
    /// <summary>A queue message may be invisible for at most seven days.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    public async Task EnqueueAsync(DeliveryMessage message, TimeSpan? delay, CancellationToken cancellationToken)
    {
        var visibility = delay is { } d ? (d > MaxDelay ? MaxDelay : d) : (TimeSpan?)null;
        await queue.SendMessageAsync(DeliveryMessageSerializer.Serialize(message), visibility, TimeSpan.FromSeconds(-1), cancellationToken)
            .ConfigureAwait(false);
    }
}

/// <summary>The dead-letter queue on Azure Storage; messages never expire (an operator decides).</summary>
public sealed class StorageDeadLetterQueue(QueueClient queue) : IDeadLetterQueue
{
    public async Task AddAsync(DeadLetter deadLetter, CancellationToken cancellationToken) =>
        await queue.SendMessageAsync(DeliveryMessageSerializer.Serialize(deadLetter), null, TimeSpan.FromSeconds(-1), cancellationToken)
            .ConfigureAwait(false);

    public async Task<IReadOnlyList<ReceivedDeadLetter>> ReceiveAsync(int max, TimeSpan visibility, CancellationToken cancellationToken)
    {
        var messages = await queue.ReceiveMessagesAsync(Math.Clamp(max, 1, 32), visibility, cancellationToken).ConfigureAwait(false);
        return [.. messages.Value.Select(m =>
        {
            var text = m.Body.ToString();
            DeliveryMessageSerializer.TryDeserialize<DeadLetter>(text, out var deadLetter, out _);
            return new ReceivedDeadLetter(deadLetter, text, m.MessageId, m.PopReceipt);
        })];
    }

    public async Task DeleteAsync(ReceivedDeadLetter received, CancellationToken cancellationToken) =>
        await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt, cancellationToken).ConfigureAwait(false);
}
