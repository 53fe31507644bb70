using Azure.Storage.Queues.Models;
using InterviewAlerts.Core.Delivery;
using InterviewAlerts.Core.Storage;
using Microsoft.Azure.Functions.Worker;

namespace InterviewAlerts.Functions.Functions;

/// <summary>Sends one queued interview request to Paradox. Binds the raw message so an unreadable one is dead-lettered, not retried.</summary>
public sealed class DeliverInterviewAlert(DeliveryProcessor processor)
{
    [Function(nameof(DeliverInterviewAlert))]
    public Task Run(
        [QueueTrigger(StorageNames.DeliveryQueue, Connection = StorageNames.ConnectionSetting)] QueueMessage message,
        CancellationToken cancellationToken) =>
        processor.ProcessAsync(message.Body.ToString(), cancellationToken);
}
