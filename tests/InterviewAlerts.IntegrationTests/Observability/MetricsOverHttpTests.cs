using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InterviewAlerts.Core.Delivery;
using InterviewAlerts.Core.Observability;
using InterviewAlerts.Core.Validation;
using InterviewAlerts.Functions.Http;
using InterviewAlerts.IntegrationTests.BrassRing;
using InterviewAlerts.IntegrationTests.Infrastructure;
using Paradox.Sandbox.Faults;
using static InterviewAlerts.Core.Observability.AdapterMetrics;

namespace InterviewAlerts.IntegrationTests.Observability;

/// <summary>
/// The adapter's metrics as a running adapter emits them for real calls over HTTP and real deliveries to the sandbox:
/// each test reads an instrument before and after its calls (the fixture's adapter is shared by the tests of this class,
/// so each waits for the delivery of what it queued: the sandbox's faults then meet only the request meant for them).
/// </summary>
public sealed class MetricsOverHttpTests(MetricsFixture fixture) : IClassFixture<MetricsFixture>
{
    private const string Json = AdapterHarness.JsonCaller;
    private AdapterHarness Harness => fixture.Harness;
    private Core.Tests.Observability.CapturedMetrics Captured => fixture.Captured;

    [Fact]
    public async Task An_accepted_native_request_counts_as_accepted_then_delivered_with_time_to_Paradox_and_attempts()
    {
        (string, string)[] accepted = [(ShapeTag, "native"), (CallerTag, Json), (ManifestTag, None)];
        (string, string)[] delivered = [(OutcomeTag, DeliveryOutcomes.Delivered), (ParadoxStatusTag, "200")];
        var before = (Captured.Sum(RequestsAccepted, accepted), Captured.Sum(Deliveries, delivered), Captured.Count(TimeToParadox), Captured.Count(DeliveryAttempts));

        var trackingId = await Harness.PostNativeAsync(HarnessRequests.UniqueRequest());
        await Harness.WaitForStateAsync(trackingId, "delivered");

        Assert.Equal(before.Item1 + 1, Captured.Sum(RequestsAccepted, accepted));
        await Until(() => Captured.Sum(Deliveries, delivered) >= before.Item2 + 1, "a delivered outcome");
        Assert.True(Captured.Count(TimeToParadox, (OutcomeTag, DeliveryOutcomes.Delivered)) >= before.Item3 + 1);
        Assert.True(Captured.Count(DeliveryAttempts, (OutcomeTag, DeliveryOutcomes.Delivered)) >= before.Item4 + 1);
    }

    [Fact]
    public async Task A_500_from_Paradox_counts_as_retried_and_the_delivery_as_its_second_attempt()
    {
        // A 500 is retried on the queue (a 503 would be retried within the call, as one attempt).
        (string, string)[] retried = [(OutcomeTag, DeliveryOutcomes.Retried), (ParadoxStatusTag, "500")];
        var before = (Captured.Sum(Deliveries, retried), Captured.Sum(DeliveryAttempts, (OutcomeTag, DeliveryOutcomes.Delivered)));
        Harness.SandboxFaults.Add(new FaultRule { Status = 500, Count = 1 });

        var trackingId = await Harness.PostNativeAsync(HarnessRequests.UniqueRequest());
        await Harness.WaitForStateAsync(trackingId, "delivered");

        await Until(() => Captured.Sum(DeliveryAttempts, (OutcomeTag, DeliveryOutcomes.Delivered)) >= before.Item2 + 2, "two attempts recorded");
        Assert.Equal(before.Item1 + 1, Captured.Sum(Deliveries, retried));
    }

    [Fact]
    public async Task A_request_Paradox_declines_counts_as_rejected_with_its_dead_letter_reason()
    {
        (string, string)[] rejected = [(OutcomeTag, DeliveryOutcomes.Rejected), (ParadoxStatusTag, "400"), (ReasonTag, DeadLetterReasons.ParadoxDeclined)];
        var before = Captured.Sum(Deliveries, rejected);
        Harness.SandboxFaults.Add(new FaultRule { Status = 400, Count = 1 });

        var trackingId = await Harness.PostNativeAsync(HarnessRequests.UniqueRequest());
        await Harness.WaitForStateAsync(trackingId, "rejected");

        await Until(() => Captured.Sum(Deliveries, rejected) == before + 1, "a rejected outcome");
    }

    [Fact]
    public async Task An_invalid_request_and_a_reused_key_count_as_rejected_with_their_codes()
    {
        var invalidBefore = Rejected("native", Json, ErrorCodes.OutOfRange);
        var reusedBefore = Rejected("native", Json, IdempotencyKeyReused);
        var key = "metrics-" + Guid.NewGuid().ToString("N");

        Assert.Equal(HttpStatusCode.BadRequest, (await PostJsonAsync("""{"ex_id":"T-short","interview_duration":3,"interview_type":2}""")).StatusCode);
        var first = await PostJsonAsync(HarnessRequests.UniqueRequest(), key);
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PostJsonAsync(HarnessRequests.UniqueRequest(), key)).StatusCode);
        await Harness.WaitForStateAsync((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!, "delivered");

        Assert.Equal(invalidBefore + 1, Rejected("native", Json, ErrorCodes.OutOfRange));
        Assert.Equal(reusedBefore + 1, Rejected("native", Json, IdempotencyKeyReused));
    }

    [Fact]
    public async Task Calls_refused_before_authentication_count_with_an_unknown_caller()
    {
        var tooLargeBefore = Rejected(Unknown, Unknown, ErrorCodes.TooLarge);
        var unsupportedBefore = Captured.Sum(RequestsRejected, (CallerTag, Unknown), (ReasonTag, ErrorCodes.UnsupportedMediaType));
        var form = BrassRingCases.Get("form-encoded-without-envelope-field.form");

        using var tooLarge = new ByteArrayContent(new byte[BodyReader.MaxBodyBytes + 1]);
        tooLarge.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await Harness.Client.PostAsync("api/interview-alerts", tooLarge)).StatusCode);
        using var unsupported = new ByteArrayContent(form.Bytes);
        unsupported.Headers.ContentType = new MediaTypeHeaderValue(form.ContentType);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await Harness.AnonymousClient.PostAsync("api/interview-alerts", unsupported)).StatusCode);

        Assert.Equal(tooLargeBefore + 1, Rejected(Unknown, Unknown, ErrorCodes.TooLarge));
        Assert.Equal(unsupportedBefore + 1, Captured.Sum(RequestsRejected, (CallerTag, Unknown), (ReasonTag, ErrorCodes.UnsupportedMediaType)));
    }

    [Fact]
    public async Task A_caller_sending_a_shape_it_may_not_counts_as_not_allowed()
    {
        var before = Rejected("native", AdapterHarness.BrassRingUser, ErrorCodes.NotAllowed);

        Assert.Equal(HttpStatusCode.Forbidden, (await PostJsonAsync(HarnessRequests.UniqueRequest(), authorization: AdapterHarness.BrassRingBasic)).StatusCode);

        Assert.Equal(before + 1, Rejected("native", AdapterHarness.BrassRingUser, ErrorCodes.NotAllowed));
    }

    [Fact]
    public async Task Failed_authentications_count_per_configured_caller_and_as_unknown_otherwise()
    {
        var before = (Captured.Sum(AuthenticationFailures, (CallerTag, Json)), Captured.Sum(AuthenticationFailures, (CallerTag, Unknown)));

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostJsonAsync(HarnessRequests.UniqueRequest(), authorization: Basic(Json, "wrong-secret"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostJsonAsync(HarnessRequests.UniqueRequest(), authorization: Basic("no-such-caller", "x"))).StatusCode);

        Assert.Equal(before.Item1 + 1, Captured.Sum(AuthenticationFailures, (CallerTag, Json)));
        Assert.Equal(before.Item2 + 1, Captured.Sum(AuthenticationFailures, (CallerTag, Unknown)));
        Assert.DoesNotContain(Captured.Points(AuthenticationFailures), point => point.Tags[CallerTag] == "no-such-caller");
    }

    [Fact]
    public async Task Each_BrassRing_candidate_packet_counts_on_its_own()
    {
        (string, string)[] accepted = [(ShapeTag, "brassring"), (CallerTag, AdapterHarness.BrassRingUser), (ManifestTag, OtherManifest)];
        var before = (Captured.Sum(RequestsAccepted, accepted), Rejected("brassring", AdapterHarness.BrassRingUser, ErrorCodes.OutOfRange),
            Captured.Sum(Deliveries, (OutcomeTag, DeliveryOutcomes.Delivered)));
        var body = BrassRingEnvelopes.Envelope("TX-MET-" + Guid.NewGuid().ToString("N")[..8],
            BrassRingEnvelopes.Candidate("1", BrassRingEnvelopes.NewCandidateId()),
            BrassRingEnvelopes.Candidate("2", BrassRingEnvelopes.NewCandidateId(), valid: false));

        var (status, _) = await BrassRingOverHttpTests.PostAsync(Harness, body, "text/xml", AdapterHarness.BrassRingBasic);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(before.Item1 + 1, Captured.Sum(RequestsAccepted, accepted));
        Assert.Equal(before.Item2 + 1, Rejected("brassring", AdapterHarness.BrassRingUser, ErrorCodes.OutOfRange));
        await Until(() => Captured.Sum(Deliveries, (OutcomeTag, DeliveryOutcomes.Delivered)) >= before.Item3 + 1, "the accepted packet's delivery");
    }

    private double Rejected(string shape, string caller, string reason) =>
        Captured.Sum(RequestsRejected, (ShapeTag, shape), (CallerTag, caller), (ReasonTag, reason));

    private async Task<HttpResponseMessage> PostJsonAsync(string json, string? idempotencyKey = null, string? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/interview-alerts") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null) request.Headers.Add(NativeAnswers.IdempotencyKeyHeader, idempotencyKey);
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return await Harness.Client.SendAsync(request);
    }

    private static string Basic(string user, string password) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));

    /// <summary>Delivery outcomes are counted after the state the status endpoint shows is written: wait for them.</summary>
    private static Task Until(Func<bool> condition, string what) =>
        Eventually.ValueAsync(() => condition() ? (object)true : null, TimeSpan.FromSeconds(30), what);
}
