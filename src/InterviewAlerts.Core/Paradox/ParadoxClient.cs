using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace InterviewAlerts.Core.Paradox;

/// <summary>
/// PUTs interview requests to Paradox with a bearer token. In-call retries and timeouts come from the
/// resilience handler registered on this client's HttpClient; a 401 refreshes the token and retries once
/// (unless the token provider is spacing out token requests because Paradox keeps refusing them).
/// </summary>
public sealed partial class ParadoxClient(
    HttpClient http,
    ParadoxTokenProvider tokens,
    IOptions<ParadoxOptions> options,
    TimeProvider time,
    ILogger<ParadoxClient> logger) : IParadoxClient
{
    public async Task<ParadoxOutcome> SendInterviewAlertAsync(ReadOnlyMemory<byte> body, string trackingId, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await PutAsync(body, trackingId, cancellationToken).ConfigureAwait(false);
            if (outcome.HttpStatus == (int)HttpStatusCode.Unauthorized)
            {
                LogTokenRefused(logger, trackingId);
                outcome = await PutAsync(body, trackingId, cancellationToken).ConfigureAwait(false);
            }

            // Refused again: the message waits at least until the next token request is allowed.
            if (outcome.HttpStatus == (int)HttpStatusCode.Unauthorized && tokens.NextRequestDelay() is { } wait)
                outcome = outcome with { RetryAfter = wait };

            return outcome;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (TimeoutRejectedException)
        {
            return new ParadoxOutcome(ParadoxOutcomeKind.Transient, null, $"Paradox did not answer within {options.Value.AttemptTimeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException ex)
        {
            return new ParadoxOutcome(ParadoxOutcomeKind.Transient, (int?)ex.StatusCode, $"Could not reach Paradox ({ex.HttpRequestError}).");
        }
        catch (ParadoxCredentialsRejectedException ex)
        {
            return new ParadoxOutcome(ParadoxOutcomeKind.Transient, (int)HttpStatusCode.Unauthorized, ex.Message, ex.RetryAfter);
        }
        catch (ParadoxCredentialsUnavailableException ex)
        {
            return new ParadoxOutcome(ParadoxOutcomeKind.Transient, null, ex.Message);
        }
        catch (ParadoxCredentialsMissingException ex)
        {
            return new ParadoxOutcome(ParadoxOutcomeKind.Transient, null, ex.Message);
        }
    }

    private async Task<ParadoxOutcome> PutAsync(ReadOnlyMemory<byte> payload, string trackingId, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(options.Value.ResolveBaseUrl(), ParadoxPaths.InterviewAlerts))
        {
            Content = new ReadOnlyMemoryContent(payload) { Headers = { ContentType = new MediaTypeHeaderValue("application/json", "utf-8") } },
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add(ParadoxPaths.TrackingHeader, trackingId);

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized) tokens.Invalidate(token);
        else tokens.Confirm(token);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return ParadoxAnswerClassifier.Classify(response.StatusCode, text, RetryAfter(response, time.GetUtcNow()));
    }

    /// <summary>Paradox's Retry-After as a wait from <paramref name="now"/> (a date in the past means at once).</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) return date - now is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        return null;
    }

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Paradox refused the token for {TrackingId}; retrying once with a new token")]
    private static partial void LogTokenRefused(ILogger logger, string trackingId);
}
