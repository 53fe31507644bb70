using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InterviewAlerts.IntegrationTests.Infrastructure;

namespace InterviewAlerts.IntegrationTests.EndToEnd;

/// <summary>The real path: HTTP function → Azurite queue → queue function → Paradox sandbox over loopback.</summary>
public sealed class NativeRequestEndToEndTests : IAsyncLifetime
{
    private AdapterHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await AdapterHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Native_request_reaches_Paradox_with_exact_body_and_a_valid_bearer_token()
    {
        const string posted = """
            {
              "ex_id": "CAND-1001",
              "interview_duration": "30",
              "interview_type": 2,
              "action": "Interview",
              "email": "candidate@example.org",
              "x_custom_flag": {"keep": [1, "two", null]}
            }
            """;

        var response = await _harness.Client.PostAsync("api/interview-alerts", new StringContent(posted, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var trackingId = answer.GetProperty("id").GetString()!;
        Assert.Equal("queued", answer.GetProperty("status").GetString());
        Assert.StartsWith("ia_", trackingId, StringComparison.Ordinal);

        var received = Assert.Single(await _harness.WaitForParadoxAsync(trackingId));
        Assert.Equal(
            """{"ex_id":"CAND-1001","action":"interview","interview_duration":30,"interview_type":2,"email":"candidate@example.org","x_custom_flag":{"keep":[1,"two",null]}}""",
            received.Body);
        Assert.True(_harness.SandboxTokens.IsValid(received.BearerToken));

        var status = await Eventually.ValueAsync(async () =>
        {
            var s = await _harness.GetStatusAsync(trackingId);
            return s.GetProperty("state").GetString() == "delivered" ? (object)s : null;
        }, TimeSpan.FromSeconds(10), "status delivered");
        Assert.Equal(1, ((JsonElement)status).GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task Invalid_request_gets_problem_details_naming_every_field_and_nothing_is_queued()
    {
        var response = await _harness.Client.PostAsync("api/interview-alerts",
            new StringContent("""{"interview_duration": 3, "interview_type": 25}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var fields = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Contains("interview_duration", fields);
        Assert.Contains("interview_type", fields);
        Assert.Contains("candidate", fields);

        var peeked = await _harness.Queue("interview-alerts").PeekMessagesAsync(32);
        Assert.Empty(peeked.Value);
    }

    [Fact]
    public async Task Unknown_fields_pass_through_with_their_exact_number_text_and_string_values()
    {
        const string posted = """{"ex_id":"CAND-1002","interview_duration":30,"interview_type":2,"x_decimal":1.50,"x_huge":123456789012345678901234567890,"x_text":"café 😀 <b>&amp;</b> \"q\"","x_nested":{"z":[true,false,null,{"k":-0.0}]}}""";

        var response = await _harness.Client.PostAsync("api/interview-alerts", new StringContent(posted, Encoding.UTF8, "application/json"));

        var trackingId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var received = JsonDocument.Parse(Assert.Single(await _harness.WaitForParadoxAsync(trackingId)).Body).RootElement;
        Assert.Equal("1.50", received.GetProperty("x_decimal").GetRawText());
        Assert.Equal("123456789012345678901234567890", received.GetProperty("x_huge").GetRawText());
        Assert.Equal("café 😀 <b>&amp;</b> \"q\"", received.GetProperty("x_text").GetString());
        Assert.Equal("""{"z":[true,false,null,{"k":-0.0}]}""", received.GetProperty("x_nested").GetRawText());
    }
}
