using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using InterviewAlerts.IntegrationTests.Infrastructure;
using StandardWebhooks;

namespace InterviewAlerts.IntegrationTests.Callers;

/// <summary>
/// A BrassRing user sends, validates and reads only for its own client ids; status answers hold nothing personal;
/// JSON arrives under every JSON media type; a request signed by the Standard Webhooks library verifies.
/// </summary>
public sealed class CallerScopeTests(CallerScopeFixture fixture) : IClassFixture<CallerScopeFixture>
{
    private const string OtherUser = CallerScopeFixture.OtherUser;
    private const string OtherPassword = CallerScopeFixture.OtherPassword;
    private const string OtherClientId = CallerScopeFixture.OtherClientId;
    private const string Signer = CallerScopeFixture.Signer;
    private const string SignerSecret = CallerScopeFixture.SignerSecret;

    private AdapterHarness Harness => fixture.Harness;

    [Theory]
    [InlineData("api/interview-alerts", "application/xml")]
    [InlineData("api/interview-alerts/validate", "application/problem+json")]
    public async Task A_BrassRing_user_cannot_send_or_validate_for_a_client_id_it_is_not_configured_for(string path, string mediaType)
    {
        using var response = await PostEnvelopeAsync(path, CallerMatrix.Envelope(OtherClientId), AdapterHarness.BrassRingUser, AdapterHarness.BrassRingPassword);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Client id", text, StringComparison.Ordinal);
        Assert.Contains(OtherClientId, text, StringComparison.Ordinal);
        Assert.Contains(AdapterHarness.BrassRingUser, text, StringComparison.Ordinal);
        if (mediaType == "application/xml") Assert.Equal(401, EnvelopeStatus.Parse(text).Code);
        await AssertNothingRecordedForAsync(AdapterHarness.BrassRingUser);
    }

    [Fact]
    public async Task A_BrassRing_user_can_neither_pre_empt_nor_read_another_users_transaction()
    {
        var envelope = CallerMatrix.Envelope(OtherClientId);
        using var theirs = await PostEnvelopeAsync("api/interview-alerts", envelope, OtherUser, OtherPassword);
        var trackingId = await CallerMatrix.TrackingIdAsync(theirs);

        // The same transaction from the other user is refused outright, so it cannot claim (or learn) the tracking id.
        using var preempt = await PostEnvelopeAsync("api/interview-alerts", envelope, AdapterHarness.BrassRingUser, AdapterHarness.BrassRingPassword);
        Assert.Equal(HttpStatusCode.Forbidden, preempt.StatusCode);
        Assert.DoesNotContain(trackingId, await preempt.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingRecordedForAsync(AdapterHarness.BrassRingUser);

        Assert.Equal(HttpStatusCode.NotFound, (await ReadStatusAsync(trackingId, AdapterHarness.BrassRingUser, AdapterHarness.BrassRingPassword)).StatusCode);
        using var own = await ReadStatusAsync(trackingId, OtherUser, OtherPassword);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task The_status_answer_carries_no_candidate_personal_data()
    {
        const string Email = "status.privacy.canary@example.org";
        var id = await Harness.PostNativeAsync(HarnessRequests.UniqueRequest($"\"email\":\"{Email}\",\"first_name\":\"Statuscanary\",\"phone\":\"+1 555 0100 321\""));

        var text = await (await Harness.Client.GetAsync($"api/interview-alerts/{id}")).Content.ReadAsStringAsync();

        using var status = JsonDocument.Parse(text);
        Assert.Equal(id, status.RootElement.GetProperty("id").GetString());
        Assert.DoesNotContain(Email, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Statuscanary", text, StringComparison.Ordinal);
        Assert.DoesNotContain("0100 321", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("text/json")]
    [InlineData("application/vnd.x+json")]
    [InlineData("application/json; charset=utf-8")]
    public async Task Json_is_accepted_under_every_json_media_type(string contentType)
    {
        using var content = new StringContent(HarnessRequests.UniqueRequest(), Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        using var response = await Harness.Client.PostAsync("api/interview-alerts", content);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Json_posted_as_a_form_gets_415_naming_what_to_send_and_nothing_is_queued()
    {
        // What curl -d and PowerShell's Invoke-RestMethod send by default.
        var marker = "FORM-" + Guid.NewGuid().ToString("N");
        using var content = new StringContent($$"""{"ex_id":"{{marker}}","interview_duration":30,"interview_type":2}""", Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await Harness.Client.PostAsync("api/interview-alerts", content);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Content-Type: application/json", text, StringComparison.Ordinal);
        Assert.DoesNotContain((await Harness.Queue("interview-alerts").PeekMessagesAsync(32)).Value, m => m.Body.ToString().Contains(marker, StringComparison.Ordinal));
        Assert.DoesNotContain(Harness.SandboxRequests.All(), r => r.Body.Contains(marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_signed_by_the_Standard_Webhooks_library_is_accepted()
    {
        var body = HarnessRequests.UniqueRequest();
        var id = "msg_" + Guid.NewGuid().ToString("N");
        var timestamp = DateTimeOffset.UtcNow;
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/interview-alerts") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Caller", Signer);
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", new StandardWebhook(SignerSecret).Sign(id, timestamp, body));

        using var response = await Harness.AnonymousClient.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>No request record was ever written for the caller (records are stored per caller).</summary>
    private async Task AssertNothingRecordedForAsync(string caller)
    {
        try
        {
            await foreach (var record in Harness.Records().QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == caller))
                Assert.Fail($"a request record {record.RowKey} was written for {caller}");
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            // No table yet: nothing was recorded.
        }
    }

    private async Task<HttpResponseMessage> PostEnvelopeAsync(string path, string envelope, string user, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(envelope, Encoding.UTF8, "text/xml") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", CallerMatrix.Basic(user, password));
        return await Harness.AnonymousClient.SendAsync(request);
    }

    private async Task<HttpResponseMessage> ReadStatusAsync(string trackingId, string user, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/interview-alerts/{trackingId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", CallerMatrix.Basic(user, password));
        return await Harness.AnonymousClient.SendAsync(request);
    }
}

/// <summary>One adapter with a second BrassRing user (another client id) and a caller that signs with the specification's example secret.</summary>
public sealed class CallerScopeFixture : IAsyncLifetime
{
    public const string OtherUser = "globexbrassring";
    public const string OtherPassword = "globex-password";
    public const string OtherClientId = "48812";
    public const string Signer = "librarysigner";

    /// <summary>The secret of the Standard Webhooks specification's published example.</summary>
    public const string SignerSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    public AdapterHarness Harness { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Harness = await AdapterHarness.StartAsync(new Dictionary<string, string?>
        {
            [$"Callers:{OtherUser}:Shapes"] = "BrassRing",
            [$"Callers:{OtherUser}:ClientIds:0"] = OtherClientId,
            [$"Callers:{OtherUser}:Secret"] = OtherPassword,
            [$"Callers:{Signer}:Shapes"] = "Json",
            [$"Callers:{Signer}:Scheme"] = "Signature",
            [$"Callers:{Signer}:Secret"] = SignerSecret,
        });
    }

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}
