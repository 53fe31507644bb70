using InterviewAlerts.Core.Delivery;

namespace InterviewAlerts.Core.Tests.Delivery;

public sealed class RetryScheduleTests
{
    private static readonly DeliveryOptions Options = new() { FirstRetryDelay = TimeSpan.FromSeconds(30), MaxRetryDelay = TimeSpan.FromHours(1) };

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(8, 3600)] // 30 s × 2^7 = 3840 s, capped at one hour
    [InlineData(40, 3600)]
    public void Delay_doubles_per_attempt_up_to_the_cap_with_jitter_of_plus_minus_20_percent(int failedAttempt, int nominalSeconds)
    {
        var lowest = new RetrySchedule(Options, () => 0.0).DelayAfter(failedAttempt, null);
        var highest = new RetrySchedule(Options, () => 1.0).DelayAfter(failedAttempt, null);

        Assert.Equal(nominalSeconds * 0.8, lowest.TotalSeconds, precision: 6);
        Assert.Equal(nominalSeconds * 1.2, highest.TotalSeconds, precision: 6);
    }

    [Fact]
    public void A_longer_Retry_After_from_Paradox_wins()
    {
        var delay = new RetrySchedule(Options, () => 0.5).DelayAfter(1, TimeSpan.FromMinutes(10));

        Assert.Equal(TimeSpan.FromMinutes(10), delay);
    }

    [Fact]
    public void A_shorter_Retry_After_does_not_shorten_the_backoff()
    {
        var delay = new RetrySchedule(Options, () => 0.5).DelayAfter(3, TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.FromSeconds(120), delay);
    }
}
