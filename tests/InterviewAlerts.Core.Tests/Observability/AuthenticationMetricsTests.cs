using InterviewAlerts.Core.Callers;
using Microsoft.Extensions.Options;
using static InterviewAlerts.Core.Observability.AdapterMetrics;

namespace InterviewAlerts.Core.Tests.Observability;

/// <summary>Failed authentications are counted per configured caller; every other name is "unknown".</summary>
public sealed class AuthenticationMetricsTests : IDisposable
{
    private readonly CapturedMetrics _captured = CapturedMetrics.Start();

    [Fact]
    public void Failures_count_per_configured_caller_and_unknown_names_share_one_tag()
    {
        var options = new CallersOptions();
        options.Callers["acmebrassring"] = new CallerOptions();
        using var limiter = new AuthenticationFailureLimiter(Options.Create(options), _captured.Metrics);

        limiter.RecordFailure("acmebrassring");
        limiter.RecordFailure("acmebrassring");
        limiter.RecordFailure(AuthenticationFailureLimiter.UnknownCaller);

        Assert.Equal(2, _captured.Sum(AuthenticationFailures, (CallerTag, "acmebrassring")));
        Assert.Equal(1, _captured.Sum(AuthenticationFailures, (CallerTag, Unknown)));
        Assert.All(_captured.Points(AuthenticationFailures), point => Assert.Equal([CallerTag], point.Tags.Keys));
    }

    public void Dispose() => _captured.Dispose();
}
