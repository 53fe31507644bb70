using System.Net.Http.Json;
using System.Text.Json.Serialization;
using InterviewAlerts.Core.Secrets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewAlerts.Core.Paradox;

/// <summary>
/// OAuth2 client-credentials tokens for Paradox, cached until shortly before expiry. One request per token
/// lifetime per instance, however many deliveries ask at once (single flight). Once Paradox refuses the
/// credentials, or refuses a token that never worked, further token requests wait
/// <see cref="ParadoxOptions.TokenRequestInterval"/> after the previous one: a bad secret costs one token
/// request per interval, not one per queued message.
/// </summary>
public sealed partial class ParadoxTokenProvider(
    IHttpClientFactory httpClients,
    ISecretStore secrets,
    IOptions<ParadoxOptions> options,
    TimeProvider time,
    ILogger<ParadoxTokenProvider> logger)
{
    /// <summary>Name of the HttpClient used for token requests.</summary>
    public const string HttpClientName = "paradox-token";

    public const string AccountIdSecret = "Paradox:AccountId";
    public const string SecretSecret = "Paradox:Secret";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private CachedToken? _current;
    private int _requests;
    private volatile bool _refused;
    private long _lastAnswerTicks; // UTC ticks of the last token answer; read outside the gate, hence a long

    /// <summary>How many token requests this instance has made (for tests and load reports).</summary>
    public int TokenRequests => Volatile.Read(ref _requests);

    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Fresh(_current) is { } token) return token;

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh(_current) is { } again) return again;
            if (NextRequestDelay() is { } wait) throw new ParadoxCredentialsRejectedException(wait);

            try
            {
                _current = await RequestTokenAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (ParadoxCredentialsRejectedException)
            {
                _refused = true;
                throw new ParadoxCredentialsRejectedException(options.Value.TokenRequestInterval);
            }
            finally
            {
                // The interval counts from the answer, so a slow token request does not shorten the next wait.
                Volatile.Write(ref _lastAnswerTicks, time.GetUtcNow().UtcTicks);
            }

            return _current.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// How long until another token request is allowed, while Paradox is refusing credentials; null when one may be
    /// made now.
    /// </summary>
    public TimeSpan? NextRequestDelay()
    {
        if (!_refused) return null;
        var wait = new DateTimeOffset(Volatile.Read(ref _lastAnswerTicks), TimeSpan.Zero) + options.Value.TokenRequestInterval - time.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : null;
    }

    /// <summary>
    /// Forget a token Paradox refused, so the next call fetches a new one. A refused token that never worked means the
    /// credentials themselves are not accepted: token requests are then spaced out.
    /// </summary>
    public void Invalidate(string token)
    {
        var current = _current;
        if (current is null || current.Value != token) return;
        if (!current.Accepted) _refused = true;
        Interlocked.CompareExchange(ref _current, null, current);
    }

    /// <summary>Paradox accepted the token: the credentials work, token requests are no longer spaced out.</summary>
    public void Confirm(string token)
    {
        var current = _current;
        if (current is null || current.Value != token || current.Accepted) return;
        current.Accepted = true;
        _refused = false;
    }

    private string? Fresh(CachedToken? token) =>
        token is not null && time.GetUtcNow() < token.RefreshAt ? token.Value : null;

    private async Task<CachedToken> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var (answer, used) = await PostForTokenAsync(cancellationToken).ConfigureAwait(false);
        if (answer is null)
        {
            // The secret may have been rotated: read it again, and ask once more only if it changed.
            secrets.Invalidate(AccountIdSecret);
            secrets.Invalidate(SecretSecret);
            if (await ReadCredentialsAsync(cancellationToken).ConfigureAwait(false) == used) throw new ParadoxCredentialsRejectedException();
            (answer, _) = await PostForTokenAsync(cancellationToken).ConfigureAwait(false);
            if (answer is null) throw new ParadoxCredentialsRejectedException();
        }

        var lifetime = TimeSpan.FromSeconds(Math.Max(1, answer.ExpiresIn ?? 3600));
        LogTokenIssued(logger, (int)lifetime.TotalSeconds);

        // Refresh the margin before expiry, but never later than half-way: a token living shorter than the
        // margin would otherwise count as stale at once and every call would fetch a new one.
        var margin = TimeSpan.FromTicks(Math.Min(options.Value.TokenRefreshMargin.Ticks, lifetime.Ticks / 2));
        return new CachedToken(answer.AccessToken!, time.GetUtcNow() + lifetime - margin);
    }

    private async Task<(string AccountId, string Secret)> ReadCredentialsAsync(CancellationToken cancellationToken)
    {
        string? accountId, secret;
        try
        {
            accountId = await secrets.GetSecretAsync(AccountIdSecret, cancellationToken).ConfigureAwait(false);
            secret = await secrets.GetSecretAsync(SecretSecret, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A vault outage or a missing role assignment: nothing Paradox said, and something a later attempt can get past.
            throw new ParadoxCredentialsUnavailableException(ex);
        }

        if (string.IsNullOrEmpty(accountId) || string.IsNullOrEmpty(secret)) throw new ParadoxCredentialsMissingException();
        return (accountId, secret);
    }

    /// <summary>One token request; the answer is null when Paradox refused the credentials it was sent.</summary>
    private async Task<(TokenAnswer? Answer, (string AccountId, string Secret) Used)> PostForTokenAsync(CancellationToken cancellationToken)
    {
        var (accountId, secret) = await ReadCredentialsAsync(cancellationToken).ConfigureAwait(false);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = accountId,
            ["client_secret"] = secret,
        });
        Interlocked.Increment(ref _requests);
        var url = new Uri(options.Value.ResolveBaseUrl(), ParadoxPaths.Token);
        var http = httpClients.CreateClient(HttpClientName);
        using var response = await http.PostAsync(url, form, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is System.Net.HttpStatusCode.BadRequest or System.Net.HttpStatusCode.Unauthorized)
        {
            LogCredentialsRejected(logger, (int)response.StatusCode);
            return (null, (accountId, secret));
        }

        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<TokenAnswer>(cancellationToken).ConfigureAwait(false);
        return answer?.AccessToken is { Length: > 0 } ? (answer, (accountId, secret)) : throw new HttpRequestException("Paradox's token answer had no access_token.");
    }

    private sealed class CachedToken(string value, DateTimeOffset refreshAt)
    {
        public string Value { get; } = value;
        public DateTimeOffset RefreshAt { get; } = refreshAt;

        /// <summary>Paradox answered a call made with this token with something other than 401.</summary>
        public volatile bool Accepted;
    }

    private sealed record TokenAnswer(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int? ExpiresIn);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Paradox token obtained; valid for {LifetimeSeconds} s")]
    private static partial void LogTokenIssued(ILogger logger, int lifetimeSeconds);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Paradox refused the adapter's client credentials (HTTP {Status})")]
    private static partial void LogCredentialsRejected(ILogger logger, int status);
}

/// <summary>
/// Paradox refused the account id and secret (even after re-reading them), or refused every token they brought;
/// <see cref="RetryAfter"/> says when the next token request is allowed.
/// </summary>
public sealed class ParadoxCredentialsRejectedException(TimeSpan? retryAfter = null)
    : Exception(retryAfter is { } wait
        ? $"Paradox refused the adapter's client credentials (Paradox:AccountId / Paradox:Secret); the next token request is allowed in {Math.Ceiling(wait.TotalSeconds):0} s."
        : "Paradox refused the adapter's client credentials (Paradox:AccountId / Paradox:Secret).")
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>The account id or secret is not configured.</summary>
public sealed class ParadoxCredentialsMissingException()
    : Exception("Paradox credentials are not configured: set the secrets Paradox:AccountId and Paradox:Secret (Key Vault names Paradox--AccountId, Paradox--Secret).");

/// <summary>
/// The secret store could not be read (e.g. Key Vault unreachable or the identity lacks access). The message names
/// only the failure's kind: an SDK message can carry whole response headers, which do not belong in delivery records.
/// </summary>
public sealed class ParadoxCredentialsUnavailableException(Exception inner)
    : Exception($"The Paradox credentials could not be read from the secret store ({Describe(inner)}); will retry.", inner)
{
    private static string Describe(Exception inner) =>
        inner is Azure.RequestFailedException { Status: > 0 } failed ? $"HTTP {failed.Status}" : inner.GetType().Name;
}
