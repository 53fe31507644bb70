using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using InterviewAlerts.Core.Callers;
using InterviewAlerts.Core.Observability;
using InterviewAlerts.IntegrationTests.Infrastructure;

namespace InterviewAlerts.IntegrationTests.Callers;

/// <summary>
/// Failed authentication is visible (a log line naming the caller tried, never the secret; a metric tagged with the
/// caller) and bounded (after the limit, the name is answered 429 with Retry-After, even with the right secret).
/// </summary>
public sealed class FailedAuthenticationTests(FailedAuthenticationFixture fixture) : IClassFixture<FailedAuthenticationFixture>
{
    private const string Locked = FailedAuthenticationFixture.Locked;
    private const string LockedSecret = FailedAuthenticationFixture.LockedSecret;
    private const string Sprayed = FailedAuthenticationFixture.Sprayed;
    private const string WrongSecret = "wrong-secret-do-not-log-7d1";
    private const string BrassRingUser = FailedAuthenticationFixture.BrassRingUser;
    private const string BrassRingSecret = FailedAuthenticationFixture.BrassRingSecret;

    private AdapterHarness Harness => fixture.Harness;

    [Fact]
    public async Task Repeated_failures_for_one_name_are_logged_counted_and_then_answered_429()
    {
        var counted = new List<string?>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AdapterMetrics.MeterName && instrument.Name == AdapterMetrics.AuthenticationFailures) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags) if (tag.Key == "caller" && Equals(tag.Value, Locked)) lock (counted) counted.Add((string?)tag.Value);
        });
        listener.Start();

        var logged = RefusalLines();
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await PostJsonAsync(WrongSecret)).StatusCode);
        using var locked = await PostJsonAsync(LockedSecret);

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.NotNull(locked.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", locked.Content.Headers.ContentType?.MediaType);
        lock (counted) Assert.Equal(3, counted.Count);
        Assert.Equal(logged + 3, RefusalLines());
        Assert.DoesNotContain(CapturedLogs.All, l => l.Contains(WrongSecret, StringComparison.Ordinal) || l.Contains(LockedSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_BrassRing_user_locked_out_gets_its_envelope_with_HTTP_429()
    {
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await PostBrassRingAsync("not-it")).StatusCode);
        using var locked = await PostBrassRingAsync(BrassRingSecret);

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.NotNull(locked.Headers.RetryAfter?.Delta);
        var status = EnvelopeStatus.Parse(await locked.Content.ReadAsStringAsync());
        Assert.Equal(401, status.Code);
        Assert.Contains("Too many failed logins", status.LongDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_callers_are_not_affected_by_one_name_being_locked()
    {
        for (var i = 0; i < 4; i++) await PostJsonAsync(WrongSecret, Sprayed);

        using var other = await Harness.Client.PostAsync("api/interview-alerts",
            new StringContent(HarnessRequests.UniqueRequest(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
    }

    /// <summary>Log lines so far that name the locked caller as refused (the log is shared by every test in the run).</summary>
    private static int RefusalLines() => CapturedLogs.All.Count(l => l.Contains($"Authentication refused for caller {Locked}", StringComparison.Ordinal));

    private async Task<HttpResponseMessage> PostJsonAsync(string secret, string caller = Locked)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/interview-alerts")
        {
            Content = new StringContent(HarnessRequests.UniqueRequest(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", CallerMatrix.Basic(caller, secret));
        return await Harness.AnonymousClient.SendAsync(request);
    }

    private async Task<HttpResponseMessage> PostBrassRingAsync(string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/interview-alerts")
        {
            Content = new StringContent(CallerMatrix.Envelope(), Encoding.UTF8, "text/xml"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", CallerMatrix.Basic(BrassRingUser, secret));
        return await Harness.AnonymousClient.SendAsync(request);
    }
}

/// <summary>One adapter whose callers are locked after three failures: each test uses its own caller names.</summary>
public sealed class FailedAuthenticationFixture : IAsyncLifetime
{
    public const string Locked = "lockedcaller";
    public const string LockedSecret = "locked-caller-secret";
    public const string Sprayed = "sprayedcaller";
    public const string BrassRingUser = "limitedbrassring";
    public const string BrassRingSecret = "limited-brassring-secret";

    public AdapterHarness Harness { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Harness = await AdapterHarness.StartAsync(new Dictionary<string, string?>
        {
            ["CallerAuthentication:FailureLimit"] = "3",
            ["CallerAuthentication:FailureWindow"] = "01:00:00",
            [$"Callers:{Locked}:Shapes"] = "Json",
            [$"Callers:{Locked}:Secret"] = LockedSecret,
            [$"Callers:{Sprayed}:Shapes"] = "Json",
            [$"Callers:{Sprayed}:Secret"] = "sprayed-caller-secret",
            [$"Callers:{BrassRingUser}:Shapes"] = "BrassRing",
            [$"Callers:{BrassRingUser}:ClientIds:0"] = AdapterHarness.BrassRingClientId,
            [$"Callers:{BrassRingUser}:Secret"] = BrassRingSecret,
        });
    }

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}
