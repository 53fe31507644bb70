using System.Text;
using Azure.Storage.Queues;
using InterviewAlerts.Core.Delivery;
using InterviewAlerts.Core.Tracking;

namespace InterviewAlerts.Core.Storage;

/// <summary>
/// The dead-letter queue on Azure Storage. Each dead letter lives for the retention (its time-to-live), then the
/// queue drops it. One too large for a queue message is written whole to a blob (claim check) and the queue holds a
/// summary pointing at it; reading resolves the blob again, so every dead letter is written, whatever its size.
/// </summary>
public sealed class StorageDeadLetterQueue(QueueClient queue, IPayloadStore payloads, TimeSpan timeToLive) : IDeadLetterQueue
{
    /// <summary>How much of the reason the summary of a claim-checked dead letter keeps.</summary>
    private const int SummaryReasonLength = 1000;

    public async Task AddAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        var text = DeliveryMessageSerializer.Serialize(deadLetter);
        if (Encoding.UTF8.GetByteCount(text) > StorageDeliveryQueue.MaxMessageBytes)
        {
            // An unreadable message has no tracking id: its blob gets a name of its own.
            var owner = TrackingIds.IsWellFormed(deadLetter.TrackingId) ? deadLetter.TrackingId : "unknown-" + Guid.NewGuid().ToString("N");
            var blob = await payloads.SaveDeadLetterAsync(owner, BinaryData.FromString(text), cancellationToken).ConfigureAwait(false);
            text = DeliveryMessageSerializer.Serialize(deadLetter with
            {
                Reason = deadLetter.Reason.Length > SummaryReasonLength ? deadLetter.Reason[..SummaryReasonLength] + " … (whole reason in the claim check)" : deadLetter.Reason,
                Message = null,
                RawMessage = null,
                ClaimCheck = blob,
            });
        }

        await queue.SendMessageAsync(text, null, timeToLive, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ReceivedDeadLetter>> ReceiveAsync(int max, TimeSpan visibility, CancellationToken cancellationToken)
    {
        var messages = await queue.ReceiveMessagesAsync(Math.Clamp(max, 1, 32), visibility, cancellationToken).ConfigureAwait(false);
        var received = new List<ReceivedDeadLetter>(messages.Value.Length);
        foreach (var message in messages.Value)
        {
            var text = message.Body.ToString();
            DeliveryMessageSerializer.TryDeserialize<DeadLetter>(text, out var deadLetter, out _);
            if (deadLetter?.ClaimCheck is { } blob) deadLetter = await ResolveAsync(deadLetter, blob, cancellationToken).ConfigureAwait(false);
            received.Add(new ReceivedDeadLetter(deadLetter, text, message.MessageId, message.PopReceipt));
        }

        return received;
    }

    public async Task DeleteAsync(ReceivedDeadLetter received, CancellationToken cancellationToken)
    {
        await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt, cancellationToken).ConfigureAwait(false);
        if (received.DeadLetter?.ClaimCheck is { } blob) await payloads.DeleteAsync(blob, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The whole dead letter behind a summary; the summary itself when the blob is gone or unreadable.</summary>
    private async Task<DeadLetter> ResolveAsync(DeadLetter summary, string blob, CancellationToken cancellationToken)
    {
        try
        {
            var whole = await payloads.LoadAsync(blob, cancellationToken).ConfigureAwait(false);
            return DeliveryMessageSerializer.TryDeserialize<DeadLetter>(whole.ToString(), out var deadLetter, out _)
                ? deadLetter! with { ClaimCheck = blob }
                : summary;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return summary;
        }
    }
}
