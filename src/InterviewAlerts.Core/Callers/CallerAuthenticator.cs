using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Secrets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewAlerts.Core.Callers;

/// <summary>
/// Decides which configured caller sent a call: HTTP Basic (name and secret), a bearer secret with the Caller
/// header, or a Standard Webhooks signature with the Caller header. Each caller may have two valid secrets at
/// once (current and previous) so secrets rotate without a cut-over moment. Secrets are compared in fixed time;
/// failures are logged with the name tried (never the secret), counted, and limited per name.
/// </summary>
public sealed partial class CallerAuthenticator(
    IOptions<CallersOptions> options,
    ISecretStore secrets,
    AuthenticationFailureLimiter failures,
    WebhookIdReplayCache replays,
    TimeProvider time,
    ILogger<CallerAuthenticator> logger)
{
    private static readonly TimeSpan UnavailableRetryAfter = TimeSpan.FromSeconds(30);
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Dictionary<string, Caller> _callers = options.Value.Callers.ToDictionary(
        entry => entry.Key,
        entry => new Caller(entry.Key)
        {
            Shapes = entry.Value.Shapes,
            ClientIds = entry.Value.ClientIds.Select(id => id.Trim()).ToHashSet(StringComparer.Ordinal),
            IsOperator = entry.Value.Operator,
        },
        StringComparer.OrdinalIgnoreCase);

    /// <param name="credentials">The call's credential headers.</param>
    /// <param name="body">The body as received: signatures cover its exact bytes.</param>
    /// <param name="shape">The body's shape (null for reads): anonymous JSON exists only for native bodies, where allowed.</param>
    /// <param name="cancellationToken">Cancels the secret reads.</param>
    public async Task<CallerAuthentication> AuthenticateAsync(
        CallerCredentials credentials, ReadOnlyMemory<byte> body, RequestShape? shape, CancellationToken cancellationToken)
    {
        if (credentials.IsEmpty)
        {
            return shape == RequestShape.Native && options.Value.AllowAnonymousJson
                ? CallerAuthentication.Authenticated(Caller.Anonymous)
                : new CallerAuthentication(CallerAuthenticationOutcome.NoCredentials, Problem: "No credentials were sent.");
        }

        var presented = Read(credentials);
        if (presented.Problem is not null) return Fail(presented.Name, presented.Problem);

        var name = presented.Name!;
        if (!_callers.TryGetValue(name, out var caller))
        {
            // Names that are not configured share one bucket: they never reach the secret store, and are limited together.
            return failures.IsLocked(AuthenticationFailureLimiter.UnknownCaller, out var unknownRetryAfter)
                ? Throttled(AuthenticationFailureLimiter.UnknownCaller, unknownRetryAfter)
                : Fail(name, "The credentials were not accepted.");
        }

        if (failures.IsLocked(caller.Name, out var retryAfter)) return Throttled(caller.Name, retryAfter);

        var scheme = options.Value.Callers[caller.Name].Scheme;
        if (scheme != presented.Scheme)
        {
            return Fail(caller.Name, scheme == CallerScheme.Signature
                ? "This caller signs its requests (Standard Webhooks headers webhook-id, webhook-timestamp, webhook-signature)."
                : "This caller authenticates with its secret (HTTP Basic, or Bearer with the Caller header).");
        }

        IReadOnlyList<string> expected;
        try
        {
            expected = await SecretsOfAsync(caller.Name, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSecretsUnavailable(logger, caller.Name, ex.GetType().Name);
            return new CallerAuthentication(CallerAuthenticationOutcome.Unavailable,
                Problem: "Credentials could not be checked right now; nothing was accepted. Retry shortly.", RetryAfter: UnavailableRetryAfter);
        }

        return scheme == CallerScheme.Signature
            ? VerifySignature(caller, credentials, body, expected)
            : VerifySecret(caller, presented.Secret!, expected);
    }

    private CallerAuthentication VerifySecret(Caller caller, string given, IReadOnlyList<string> expected)
    {
        // Hashes of equal length, compared in fixed time against every valid secret: neither content nor length leaks.
        var givenHash = SHA256.HashData(Encoding.UTF8.GetBytes(given));
        var matched = false;
        foreach (var secret in expected) matched |= CryptographicOperations.FixedTimeEquals(givenHash, SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
        return matched ? CallerAuthentication.Authenticated(caller) : Fail(caller.Name, "The credentials were not accepted.");
    }

    private CallerAuthentication VerifySignature(Caller caller, CallerCredentials credentials, ReadOnlyMemory<byte> body, IReadOnlyList<string> expected)
    {
        if (credentials.WebhookId is not { Length: > 0 } id || credentials.WebhookTimestamp is not { Length: > 0 } timestamp
            || credentials.WebhookSignature is not { Length: > 0 } signature)
        {
            return Fail(caller.Name, "A signed request carries all three headers webhook-id, webhook-timestamp and webhook-signature.");
        }

        if (!StandardWebhookSignature.IsFresh(timestamp, time.GetUtcNow()))
            return Fail(caller.Name, "webhook-timestamp must be Unix seconds within 5 minutes of the server's time.");

        var keys = expected.Select(secret => StandardWebhookSignature.TryDecodeSecret(secret, out var key) ? key : null).OfType<byte[]>().ToList();
        if (!StandardWebhookSignature.Matches(keys, id, timestamp, body.Span, signature))
            return Fail(caller.Name, "webhook-signature does not match the body, webhook-id and webhook-timestamp.");

        if (!replays.TryRecord(caller.Name, id, out var full))
        {
            if (full)
            {
                return new CallerAuthentication(CallerAuthenticationOutcome.Unavailable,
                    Problem: "Too many signed requests to check right now; nothing was accepted. Retry shortly.", RetryAfter: UnavailableRetryAfter);
            }

            return Fail(caller.Name, "This webhook-id was already used; every request needs a new webhook-id.");
        }

        return CallerAuthentication.Authenticated(caller);
    }

    /// <summary>Current and previous secret, whichever are set. An exception here means the store could not be read.</summary>
    private async Task<IReadOnlyList<string>> SecretsOfAsync(string caller, CancellationToken cancellationToken)
    {
        var current = await secrets.GetSecretAsync(CallersOptions.SecretName(caller), cancellationToken).ConfigureAwait(false);
        var previous = await secrets.GetSecretAsync(CallersOptions.PreviousSecretName(caller), cancellationToken).ConfigureAwait(false);
        return new[] { current, previous }.Where(secret => !string.IsNullOrEmpty(secret)).Select(secret => secret!).ToList();
    }

    private CallerAuthentication Throttled(string bucket, TimeSpan retryAfter)
    {
        LogThrottled(logger, bucket);
        return new CallerAuthentication(CallerAuthenticationOutcome.Throttled,
            Problem: "Too many failed attempts for this caller; try again later.", RetryAfter: retryAfter);
    }

    private CallerAuthentication Fail(string? triedName, string problem)
    {
        var known = triedName is not null && _callers.ContainsKey(triedName);
        var bucket = known ? _callers[triedName!].Name : AuthenticationFailureLimiter.UnknownCaller;
        var logged = triedName is not null && CallersOptions.NamePattern().IsMatch(triedName) ? triedName : "(no valid name)";
        failures.RecordFailure(bucket);
        LogRefused(logger, logged, known, problem);
        return CallerAuthentication.Refused(problem);
    }

    private static Presented Read(CallerCredentials credentials)
    {
        if (credentials.IsSigned)
        {
            return string.IsNullOrWhiteSpace(credentials.CallerName)
                ? new Presented(CallerScheme.Signature, null, null, $"A signed request names its caller in the {CallerCredentials.CallerHeader} header.")
                : new Presented(CallerScheme.Signature, credentials.CallerName.Trim(), null, null);
        }

        if (!AuthenticationHeaderValue.TryParse(credentials.Authorization, out var header) || header.Parameter is not { Length: > 0 } parameter)
            return new Presented(CallerScheme.Secret, null, null, "The Authorization header could not be read; use Basic or Bearer.");

        if (header.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrWhiteSpace(credentials.CallerName)
                ? new Presented(CallerScheme.Secret, null, null, $"A bearer token needs the {CallerCredentials.CallerHeader} header naming the caller.")
                : new Presented(CallerScheme.Secret, credentials.CallerName.Trim(), parameter, null);
        }

        if (!header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
            return new Presented(CallerScheme.Secret, null, null, $"Authorization scheme \"{Shorten(header.Scheme)}\" is not supported; use Basic or Bearer.");

        var bytes = new byte[parameter.Length];
        string decoded;
        try
        {
            if (!Convert.TryFromBase64String(parameter, bytes, out var length)) throw new FormatException();
            decoded = StrictUtf8.GetString(bytes, 0, length);
        }
        catch (Exception ex) when (ex is FormatException or DecoderFallbackException)
        {
            return new Presented(CallerScheme.Secret, null, null, "The Basic credentials are not base64 of UTF-8 \"name:secret\".");
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0
            ? new Presented(CallerScheme.Secret, null, null, "The Basic credentials are not \"name:secret\".")
            : new Presented(CallerScheme.Secret, decoded[..colon], decoded[(colon + 1)..], null);
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";

    private sealed record Presented(CallerScheme Scheme, string? Name, string? Secret, string? Problem);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "Authentication refused for caller {CallerName} (configured: {Known}): {Reason}")]
    private static partial void LogRefused(ILogger logger, string callerName, bool known, string reason);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "Caller {CallerName} is locked out after repeated authentication failures")]
    private static partial void LogThrottled(ILogger logger, string callerName);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Error, Message = "Secrets of caller {CallerName} could not be read ({Error}); answered 503")]
    private static partial void LogSecretsUnavailable(ILogger logger, string callerName, string error);
}
