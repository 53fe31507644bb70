using System.Text;
using InterviewAlerts.Core.Callers;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Secrets;
using InterviewAlerts.Core.Tests.Observability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace InterviewAlerts.Core.Tests.Callers;

/// <summary>The authenticator's decisions that the HTTP matrix does not show one by one.</summary>
public sealed class CallerAuthenticatorTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"ex_id":"C-1"}""");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));

    private CallerAuthenticator Authenticator(ISecretStore? secrets = null, int failureLimit = 10, bool anonymous = false)
    {
        var options = new CallersOptions { FailureLimit = failureLimit, AllowAnonymousJson = anonymous };
        options.Callers["portal"] = new CallerOptions { Shapes = CallerShapes.Json };
        options.Callers["signer"] = new CallerOptions { Shapes = CallerShapes.Json, Scheme = CallerScheme.Signature };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Callers:portal:Secret"] = "current",
            ["Callers:portal:PreviousSecret"] = "previous",
            ["Callers:signer:Secret"] = "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("signing key")),
        }).Build();
        var wrapped = Options.Create(options);
        return new CallerAuthenticator(wrapped, secrets ?? new ConfigurationSecretStore(configuration),
            new AuthenticationFailureLimiter(wrapped, UnobservedMetrics.Instance), new WebhookIdReplayCache(_time), _time, NullLogger<CallerAuthenticator>.Instance);
    }

    private static CallerCredentials Basic(string name, string secret) =>
        new("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{name}:{secret}")));

    private Task<CallerAuthentication> AuthenticateAsync(CallerAuthenticator authenticator, CallerCredentials credentials, RequestShape? shape = RequestShape.Native) =>
        authenticator.AuthenticateAsync(credentials, Body, shape, CancellationToken.None);

    [Theory]
    [InlineData("current")]
    [InlineData("previous")]
    public async Task Current_and_previous_secret_both_authenticate(string secret)
    {
        var result = await AuthenticateAsync(Authenticator(), Basic("PORTAL", secret));

        Assert.Equal(CallerAuthenticationOutcome.Authenticated, result.Outcome);
        Assert.Equal("portal", result.Caller!.Name);
    }

    [Fact]
    public async Task Bearer_needs_the_Caller_header()
    {
        var authenticator = Authenticator();

        Assert.Equal(CallerAuthenticationOutcome.Refused, (await AuthenticateAsync(authenticator, new CallerCredentials("Bearer current"))).Outcome);
        Assert.Equal(CallerAuthenticationOutcome.Authenticated, (await AuthenticateAsync(authenticator, new CallerCredentials("Bearer current", "portal"))).Outcome);
    }

    [Fact]
    public async Task A_secret_caller_cannot_sign_and_a_signing_caller_cannot_use_its_secret_as_a_password()
    {
        var authenticator = Authenticator();
        var signingSecret = "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("signing key"));

        Assert.Equal(CallerAuthenticationOutcome.Refused, (await AuthenticateAsync(authenticator, Basic("signer", signingSecret))).Outcome);
    }

    [Fact]
    public async Task A_signed_request_verifies_once_and_its_replay_is_refused()
    {
        var authenticator = Authenticator();
        StandardWebhookSignature.TryDecodeSecret("whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("signing key")), out var key);
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds();
        var credentials = new CallerCredentials(null, "signer", "msg_1", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            StandardWebhookSignature.Sign(key, "msg_1", timestamp, Body));

        Assert.Equal(CallerAuthenticationOutcome.Authenticated, (await AuthenticateAsync(authenticator, credentials)).Outcome);
        var replay = await AuthenticateAsync(authenticator, credentials);
        Assert.Equal(CallerAuthenticationOutcome.Refused, replay.Outcome);
        Assert.Contains("webhook-id", replay.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_names_share_one_limit_and_are_then_throttled()
    {
        var authenticator = Authenticator(failureLimit: 2);

        Assert.Equal(CallerAuthenticationOutcome.Refused, (await AuthenticateAsync(authenticator, Basic("nobody", "x"))).Outcome);
        Assert.Equal(CallerAuthenticationOutcome.Refused, (await AuthenticateAsync(authenticator, Basic("someoneelse", "x"))).Outcome);
        var third = await AuthenticateAsync(authenticator, Basic("athird", "x"));

        Assert.Equal(CallerAuthenticationOutcome.Throttled, third.Outcome);
        Assert.True(third.RetryAfter > TimeSpan.Zero);
        Assert.Equal(CallerAuthenticationOutcome.Authenticated, (await AuthenticateAsync(authenticator, Basic("portal", "current"))).Outcome);
    }

    [Fact]
    public async Task A_failing_secret_store_is_unavailable_not_refused()
    {
        var result = await AuthenticateAsync(Authenticator(new FailingSecretStore()), Basic("portal", "current"));

        Assert.Equal(CallerAuthenticationOutcome.Unavailable, result.Outcome);
        Assert.NotNull(result.RetryAfter);
    }

    [Fact]
    public async Task Anonymous_JSON_only_where_allowed_and_only_for_native_bodies()
    {
        var none = new CallerCredentials(null);

        Assert.Equal(CallerAuthenticationOutcome.NoCredentials, (await AuthenticateAsync(Authenticator(), none)).Outcome);
        Assert.Same(Caller.Anonymous, (await AuthenticateAsync(Authenticator(anonymous: true), none)).Caller);
        Assert.Equal(CallerAuthenticationOutcome.NoCredentials, (await AuthenticateAsync(Authenticator(anonymous: true), none, RequestShape.BrassRing)).Outcome);
        Assert.Equal(CallerAuthenticationOutcome.NoCredentials, (await AuthenticateAsync(Authenticator(anonymous: true), none, shape: null)).Outcome);
    }

    private sealed class FailingSecretStore : ISecretStore
    {
        public ValueTask<string?> GetSecretAsync(string name, CancellationToken cancellationToken) =>
            throw new HttpRequestException("vault unreachable");

        public void Invalidate(string name)
        {
        }
    }
}
