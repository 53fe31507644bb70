using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InterviewAlerts.Functions.Http;
using InterviewAlerts.IntegrationTests.BrassRing;
using InterviewAlerts.IntegrationTests.Contract;
using InterviewAlerts.IntegrationTests.Infrastructure;

namespace InterviewAlerts.IntegrationTests.Http;

/// <summary>The 16 MiB body limit over real HTTP: a body of exactly the limit is accepted, one byte more is refused in each shape's terms.</summary>
public sealed class BodyLimitOverHttpTests(QueueInspectionFixture fixture) : IClassFixture<QueueInspectionFixture>
{
    [Fact]
    public async Task A_native_request_of_exactly_16_MiB_is_accepted_and_queued()
    {
        var exId = "T-" + Guid.NewGuid().ToString("N");
        var body = PaddedTo(BodyReader.MaxBodyBytes, $$"""{"ex_id":"{{exId}}","interview_duration":30,"interview_type":2}""");

        var response = await PostJsonAsync(body);

        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var queued = (await fixture.Harness.Queue("interview-alerts").PeekMessagesAsync(32)).Value;
        Assert.Contains(queued, m => m.Body.ToString().Contains(exId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_native_request_one_byte_over_16_MiB_gets_413_naming_the_limit()
    {
        var body = PaddedTo(BodyReader.MaxBodyBytes + 1, """{"ex_id":"T-over","interview_duration":30,"interview_type":2}""");

        var response = await PostJsonAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("too_large", problem.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Contains("16 MiB", problem.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain((await fixture.Harness.Queue("interview-alerts").PeekMessagesAsync(32)).Value, m => m.Body.ToString().Contains("T-over", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_BrassRing_envelope_over_16_MiB_gets_its_envelope_refusal_naming_the_size()
    {
        var body = PaddedTo(BodyReader.MaxBodyBytes + 1, "<Envelope version=\"01.00\"><TransactInfo><TransactId>TX-over</TransactId></TransactInfo></Envelope>");

        var (status, xml) = await BrassRingOverHttpTests.PostAsync(fixture.Harness, body, "text/xml", AdapterHarness.BrassRingBasic);

        Assert.Equal(HttpStatusCode.OK, status); // BrassRing reads the outcome from the envelope's Status, not the HTTP code
        var envelope = EnvelopeStatus.Parse(xml);
        Assert.Equal(405, envelope.Code);
        Assert.Contains("larger than", envelope.LongDescription, StringComparison.Ordinal);
        Assert.DoesNotContain((await fixture.Harness.Queue("interview-alerts").PeekMessagesAsync(32)).Value, m => m.Body.ToString().Contains("TX-over", StringComparison.Ordinal));
    }

    private async Task<HttpResponseMessage> PostJsonAsync(byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await fixture.Harness.Client.PostAsync("api/interview-alerts", content);
    }

    /// <summary>The document followed by spaces (legal trailing whitespace) up to exactly <paramref name="length"/> bytes.</summary>
    private static byte[] PaddedTo(int length, string document)
    {
        var bytes = new byte[length];
        Array.Fill(bytes, (byte)' ');
        Encoding.UTF8.GetBytes(document, bytes);
        return bytes;
    }
}
