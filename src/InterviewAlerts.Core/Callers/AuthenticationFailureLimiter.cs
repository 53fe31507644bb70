using System.Threading.RateLimiting;
using InterviewAlerts.Core.Observability;
using Microsoft.Extensions.Options;

namespace InterviewAlerts.Core.Callers;

/// <summary>
/// Counts failed authentications per caller name (<see cref="AdapterMetrics.AuthenticationFailures"/>, tag caller) and, after
/// <see cref="CallersOptions.FailureLimit"/> failures within <see cref="CallersOptions.FailureWindow"/>, locks the
/// name until the window ends. Bounded: one fixed-window limiter per configured name, one shared by all unknown names.
/// </summary>
public sealed class AuthenticationFailureLimiter : IDisposable
{
    /// <summary>The bucket and metric tag of every name that is not configured (keeps both bounded).</summary>
    public const string UnknownCaller = AdapterMetrics.Unknown;

    private readonly Dictionary<string, FixedWindowRateLimiter> _limiters;
    private readonly AdapterMetrics _metrics;

    public AuthenticationFailureLimiter(IOptions<CallersOptions> options, AdapterMetrics metrics)
    {
        _metrics = metrics;
        var settings = options.Value;
        _limiters = settings.Callers.Keys.Append(UnknownCaller).Distinct(StringComparer.OrdinalIgnoreCase).ToDictionary(
            name => name,
            _ => new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, settings.FailureLimit),
                Window = settings.FailureWindow,
                QueueLimit = 0,
                AutoReplenishment = true,
            }),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>True when the name has used up its failures for now; <paramref name="retryAfter"/> says until when.</summary>
    public bool IsLocked(string bucket, out TimeSpan retryAfter)
    {
        using var lease = Limiter(bucket).AttemptAcquire(0);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
        return !lease.IsAcquired;
    }

    public void RecordFailure(string bucket)
    {
        _metrics.AuthenticationFailed(bucket);
        using var lease = Limiter(bucket).AttemptAcquire(1);
    }

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values) limiter.Dispose();
    }

    private FixedWindowRateLimiter Limiter(string bucket) =>
        _limiters.TryGetValue(bucket, out var limiter) ? limiter : _limiters[UnknownCaller];
}
