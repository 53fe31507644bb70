using InterviewAlerts.Core.Observability;
using Microsoft.Azure.Functions.Worker;

namespace InterviewAlerts.Functions.Functions;

/// <summary>Every minute: records the age of the oldest message waiting in the delivery queue (one peek).</summary>
public sealed class MeasureDeliveryQueueAge(DeliveryQueueAge queueAge)
{
    public const string Schedule = "0 * * * * *";

    [Function(nameof(MeasureDeliveryQueueAge))]
    public Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        queueAge.MeasureAsync(cancellationToken);
}
