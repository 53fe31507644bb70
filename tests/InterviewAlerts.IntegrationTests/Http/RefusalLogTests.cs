using System.Net;
using System.Net.Http.Headers;
using System.Text;
using InterviewAlerts.IntegrationTests.Infrastructure;

namespace InterviewAlerts.IntegrationTests.Http;

/// <summary>Every call refused for its content leaves one log line naming caller, shape, transaction, manifest and codes — never values.</summary>
public sealed class RefusalLogTests : IAsyncLifetime
{
    private AdapterHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await AdapterHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task A_refused_packet_is_logged_with_its_codes_and_without_the_candidates_data()
    {
        var transactId = "REFUSED-" + Guid.NewGuid().ToString("N");
        var candidate = BrassRingEnvelopes.NewCandidateId();
        var body = BrassRingEnvelopes.Envelope(transactId, BrassRingEnvelopes.Candidate("1", candidate, valid: false));

        var (status, _) = await BrassRing.BrassRingOverHttpTests.PostAsync(_harness, body, "text/xml", AdapterHarness.BrassRingBasic);

        Assert.Equal(HttpStatusCode.OK, status);
        var line = Assert.Single(CapturedLogs.All, l => l.Contains("transaction " + transactId, StringComparison.Ordinal));
        Assert.Contains("Interview alert refused (every candidate packet refused): shape BrassRing, caller " + AdapterHarness.BrassRingUser, line, StringComparison.Ordinal);
        Assert.Contains("manifest " + BrassRingEnvelopes.Manifest + ", codes out_of_range", line, StringComparison.Ordinal);
        Assert.DoesNotContain(candidate.ToLowerInvariant(), line, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_reused_idempotency_key_is_logged_with_the_first_requests_tracking_id()
    {
        var key = "refusal-" + Guid.NewGuid().ToString("N");
        var first = await PostAsync(HarnessRequests.UniqueRequest(), key);
        var id = System.Text.Json.JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;

        var reused = await PostAsync(HarnessRequests.UniqueRequest(), key);

        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        var line = Assert.Single(CapturedLogs.All, l => l.Contains("tracking id " + id, StringComparison.Ordinal));
        Assert.Contains("refused (Idempotency-Key reused with another body): shape Native, caller " + AdapterHarness.JsonCaller, line, StringComparison.Ordinal);
        Assert.Contains("codes idempotency_key_reused", line, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/interview-alerts")
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("Idempotency-Key", key);
        var response = await _harness.Client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
