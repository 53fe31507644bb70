namespace InterviewAlerts.Core.Observability;

/// <summary>The values of the <c>outcome</c> tag of <see cref="AdapterMetrics.Deliveries"/>.</summary>
public static class DeliveryOutcomes
{
    /// <summary>Paradox accepted the request.</summary>
    public const string Delivered = "delivered";

    /// <summary>A transient failure; the request was re-scheduled with backoff.</summary>
    public const string Retried = "retried";

    /// <summary>Paradox refused the request for good (dead-lettered).</summary>
    public const string Rejected = "rejected";

    /// <summary>Transient failures lasted past the retry horizon (dead-lettered).</summary>
    public const string Expired = "expired";

    /// <summary>The runtime gave up on the message (poison queue; dead-lettered).</summary>
    public const string Poisoned = "poisoned";

    /// <summary>Every outcome, for documentation and for checking dashboards against the code.</summary>
    public static readonly IReadOnlyList<string> All = [Delivered, Retried, Rejected, Expired, Poisoned];
}
