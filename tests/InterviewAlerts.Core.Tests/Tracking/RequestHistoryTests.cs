using InterviewAlerts.Core.Tracking;

namespace InterviewAlerts.Core.Tests.Tracking;

public sealed class RequestHistoryTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_record_keeps_the_last_twenty_attempts_oldest_first()
    {
        IReadOnlyList<AttemptEntry> history = [];
        for (var n = 1; n <= 25; n++) history = RequestHistory.Append(history, new AttemptEntry(n, At, "Transient", 503, "busy"));

        Assert.Equal(Enumerable.Range(6, 20), history.Select(h => h.Attempt));
    }

    [Fact]
    public void A_long_detail_is_shortened_in_the_record()
    {
        var history = RequestHistory.Append([], new AttemptEntry(1, At, "Rejected", 400, new string('x', 5000)));

        Assert.Equal(RequestHistory.MaxDetailLength + 2, history[0].Detail.Length);
        Assert.EndsWith(" …", history[0].Detail, StringComparison.Ordinal);
    }
}
