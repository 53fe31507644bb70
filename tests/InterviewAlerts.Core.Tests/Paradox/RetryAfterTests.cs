using System.Net;
using System.Net.Http.Headers;
using InterviewAlerts.Core.Paradox;

namespace InterviewAlerts.Core.Tests.Paradox;

/// <summary>Paradox's Retry-After, as seconds or as a date, becomes a wait measured on the adapter's clock.</summary>
public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Seconds_are_taken_as_they_are()
    {
        using var response = Answer(new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)));

        Assert.Equal(TimeSpan.FromSeconds(7), ParadoxClient.RetryAfter(response, Now));
    }

    [Fact]
    public void A_date_is_a_wait_from_now_on_the_given_clock()
    {
        using var response = Answer(new RetryConditionHeaderValue(Now.AddSeconds(90)));

        Assert.Equal(TimeSpan.FromSeconds(90), ParadoxClient.RetryAfter(response, Now));
        Assert.Equal(TimeSpan.Zero, ParadoxClient.RetryAfter(response, Now.AddMinutes(5)));
    }

    [Fact]
    public void No_header_is_no_wait()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);

        Assert.Null(ParadoxClient.RetryAfter(response, Now));
    }

    private static HttpResponseMessage Answer(RetryConditionHeaderValue retryAfter)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = retryAfter;
        return response;
    }
}
