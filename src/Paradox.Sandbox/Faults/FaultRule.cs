namespace Paradox.Sandbox.Faults;

/// <summary>Where a fault applies.</summary>
public enum FaultTarget
{
    InterviewAlerts,
    Token,
}

/// <summary>
/// A fault to inject into the next <see cref="Count"/> matching requests: an HTTP status (with optional
/// Retry-After and body), a delay before answering, or a business failure (HTTP 200, success 0).
/// </summary>
public sealed record FaultRule
{
    public FaultTarget Target { get; init; } = FaultTarget.InterviewAlerts;
    public int Count { get; init; } = 1;
    public int? Status { get; init; }
    public int? RetryAfterSeconds { get; init; }
    public int DelayMilliseconds { get; init; }
    public string? BusinessError { get; init; }

    /// <summary>When true the request is recorded as processed before the fault answers (Paradox did the work, then failed to answer).</summary>
    public bool ProcessBeforeFault { get; init; }
}
