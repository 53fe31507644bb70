using Azure.Storage.Queues.Models;
using InterviewAlerts.Core.Delivery;
using InterviewAlerts.Core.Storage;
using Microsoft.Azure.Functions.Worker;

namespace InterviewAlerts.Functions.Functions;

/// <summary>Records what the runtime moved to the poison queue as a dead letter, so nothing ends silently.</summary>
public sealed class RecordPoisonedInterviewAlert(PoisonRecorder recorder)
{
    [Function(nameof(RecordPoisonedInterviewAlert))]
    public Task Run(
        [QueueTrigger(StorageNames.PoisonQueue, Connection = StorageNames.ConnectionSetting)] QueueMessage message,
        CancellationToken cancellationToken) =>
        recorder.RecordAsync(message.Body.ToString(), cancellationToken);
}
