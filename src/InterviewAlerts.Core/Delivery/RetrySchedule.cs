namespace InterviewAlerts.Core.Delivery;

/// <summary>Exponential, jittered delays between queue-level attempts; honours Paradox's Retry-After when longer.</summary>
public sealed class RetrySchedule(DeliveryOptions options, Func<double> random)
{
    public RetrySchedule(DeliveryOptions options)
        : this(options, Random.Shared.NextDouble)
    {
    }

    /// <param name="failedAttempt">The attempt that just failed (1-based).</param>
    public TimeSpan DelayAfter(int failedAttempt, TimeSpan? retryAfter)
    {
        var exponent = Math.Min(Math.Max(failedAttempt - 1, 0), 20);
        var baseDelay = options.FirstRetryDelay.TotalSeconds * Math.Pow(2, exponent);
        var capped = Math.Min(baseDelay, options.MaxRetryDelay.TotalSeconds);
        var jittered = capped * (0.8 + (0.4 * random())); // ±20 % so retries of a burst spread out
        var delay = TimeSpan.FromSeconds(jittered);
        return retryAfter is { } wait && wait > delay ? wait : delay;
    }
}
