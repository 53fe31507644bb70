using InterviewAlerts.Core.Observability;
using Microsoft.Azure.Functions.Worker;

namespace InterviewAlerts.Functions.Functions;

/// <summary>
/// Every minute: records the age of the oldest message waiting in the delivery queue (one peek). No schedule monitor:
/// a missed minute does not matter, and the monitor would add storage calls to every run.
/// </summary>
public sealed class MeasureDeliveryQueueAge(DeliveryQueueAge queueAge)
{
    public const string Schedule = "0 * * * * *";

    [Function(nameof(MeasureDeliveryQueueAge))]
    public Task Run([TimerTrigger(Schedule, UseMonitor = false)] TimerInfo timer, CancellationToken cancellationToken) =>
        queueAge.MeasureAsync(cancellationToken);
}
