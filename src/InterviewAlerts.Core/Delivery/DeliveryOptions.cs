namespace InterviewAlerts.Core.Delivery;

/// <summary>Retry policy on the queue and retention of finished requests (configuration section "Delivery").</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>How long after receipt (or replay) a request keeps being retried before it expires.</summary>
    public TimeSpan RetryHorizon { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Delay before the second attempt; doubles with each further attempt.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Upper bound of one delay between attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Paradox calls in flight at once on one instance. The queue trigger runs more messages than this at once
    /// (host.json batchSize + newBatchThreshold), so their storage work overlaps the calls instead of keeping a
    /// Paradox slot idle.
    /// </summary>
    public int MaxConcurrentParadoxCalls { get; set; } = 24;

    /// <summary>How long a delivery attempt holds its claim on a request before another copy may take over.</summary>
    public TimeSpan AttemptLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long everything of a request in a terminal state is kept: its record (the idempotency window, so at least
    /// 72 hours), its dead letter and its body blob. Then it is deleted.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);
}
