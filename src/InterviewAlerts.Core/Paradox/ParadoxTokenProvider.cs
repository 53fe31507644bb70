using System.Net.Http.Json;
using System.Text.Json.Serialization;
using InterviewAlerts.Core.Secrets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewAlerts.Core.Paradox;

/// <summary>
/// OAuth2 client-credentials tokens for Paradox, cached until shortly before expiry. One request per token
/// lifetime per instance, however many deliveries ask at once (single flight).
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

    /// <summary>How many token requests this instance has made (for tests and load reports).</summary>
    public int TokenRequests => Volatile.Read(ref _requests);

    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Fresh(_current) is { } token) return token;

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Fresh(_current) is { } again) return again;
            _current = await RequestTokenAsync(cancellationToken).ConfigureAwait(false);
            return _current.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forget a token Paradox refused, so the next call fetches a new one.</summary>
    public void Invalidate(string token)
    {
        var current = _current;
        if (current is not null && current.Value == token) Interlocked.CompareExchange(ref _current, null, current);
    }

    private string? Fresh(CachedToken? token) =>
        token is not null && time.GetUtcNow() < token.RefreshAt ? token.Value : null;

    private async Task<CachedToken> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var answer = await PostForTokenAsync(cancellationToken).ConfigureAwait(false);
        if (answer is null)
        {
            // The secret may have been rotated: read it again once before giving up.
            secrets.Invalidate(AccountIdSecret);
            secrets.Invalidate(SecretSecret);
            answer = await PostForTokenAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new ParadoxCredentialsRejectedException();
        }

        var lifetime = TimeSpan.FromSeconds(Math.Max(1, answer.ExpiresIn ?? 3600));
        LogTokenIssued(logger, (int)lifetime.TotalSeconds);

        // Refresh the margin before expiry, but never later than half-way: a token living shorter than the
        // margin would otherwise count as stale at once and every call would fetch a new one.
        var margin = TimeSpan.FromTicks(Math.Min(options.Value.TokenRefreshMargin.Ticks, lifetime.Ticks / 2));
        return new CachedToken(answer.AccessToken!, time.GetUtcNow() + lifetime - margin);
    }

    private async Task<TokenAnswer?> PostForTokenAsync(CancellationToken cancellationToken)
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
            return null;
        }

        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<TokenAnswer>(cancellationToken).ConfigureAwait(false);
        return answer?.AccessToken is { Length: > 0 } ? answer : throw new HttpRequestException("Paradox's token answer had no access_token.");
    }

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAt);

    private sealed record TokenAnswer(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int? ExpiresIn);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Paradox token obtained; valid for {LifetimeSeconds} s")]
    private static partial void LogTokenIssued(ILogger logger, int lifetimeSeconds);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Paradox refused the adapter's client credentials (HTTP {Status})")]
    private static partial void LogCredentialsRejected(ILogger logger, int status);
}

/// <summary>Paradox refused the account id and secret, even after re-reading them.</summary>
public sealed class ParadoxCredentialsRejectedException()
    : Exception("Paradox refused the adapter's client credentials (Paradox:AccountId / Paradox:Secret).");

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
