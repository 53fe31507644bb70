using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace InterviewAlerts.Core.Paradox;

/// <summary>
/// In-call resilience for Paradox's PUT. Paradox has no idempotency key, so in-call retries are limited to
/// answers that prove the request was not processed (429, 503, connection refused); anything
/// ambiguous (timeouts, 500, 502, 504) goes back to the queue, where the delivery record guards against duplicates.
/// </summary>
public static class ParadoxResilience
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ParadoxOptions options, TimeProvider time)
    {
        pipeline.AddTimeout(options.TotalTimeout);
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(1, options.InCallRetries),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(500),
            MaxDelay = options.MaxInCallRetryAfter,
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(options.InCallRetries > 0 && ShouldRetry(args.Outcome, options.MaxInCallRetryAfter, time.GetUtcNow())),
        });
        pipeline.AddTimeout(options.AttemptTimeout);
    }

    /// <summary>
    /// The token request under the same Paradox timeouts. A client-credentials POST has no side effect besides
    /// issuing a token, so every transient failure (408, 429, 5xx, timeouts, connection errors) may be retried.
    /// </summary>
    public static void ConfigureToken(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ParadoxOptions options)
    {
        pipeline.AddTimeout(options.TotalTimeout);
        if (options.InCallRetries > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.InCallRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(500),
                MaxDelay = options.MaxInCallRetryAfter,
                ShouldRetryAfterHeader = true,
            });
        }

        pipeline.AddTimeout(options.AttemptTimeout);
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter, DateTimeOffset now)
    {
        if (outcome.Exception is HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } })
            return true;
        if (outcome.Result is not { } response) return false;
        if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable))
            return false;

        // A long Retry-After is not waited out on a worker: the queue re-schedules the message instead.
        var retryAfter = ParadoxClient.RetryAfter(response, now);
        return retryAfter is null || retryAfter <= maxRetryAfter;
    }
}
