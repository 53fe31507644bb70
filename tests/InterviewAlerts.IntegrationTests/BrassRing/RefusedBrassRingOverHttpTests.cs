using System.Net;
using InterviewAlerts.IntegrationTests.Contract;
using InterviewAlerts.IntegrationTests.Infrastructure;

namespace InterviewAlerts.IntegrationTests.BrassRing;

/// <summary>Rejected, malformed and unauthenticated envelopes: Status 405/401 in the mirrored envelope, never 5xx, nothing queued.</summary>
public sealed class RefusedBrassRingOverHttpTests(QueueInspectionFixture fixture) : IClassFixture<QueueInspectionFixture>
{
    public static TheoryData<string> Refused => BrassRingCases.Files("rejected", "malformed");

    public static TheoryData<string> Unsupported => BrassRingCases.Files("unsupported");

    [Theory]
    [MemberData(nameof(Unsupported))]
    public async Task A_form_without_an_envelope_gets_415_problem_json_never_a_2xx(string file)
    {
        var testCase = BrassRingCases.Get(file);
        using var content = new ByteArrayContent(testCase.Bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(testCase.ContentType);

        using var response = await fixture.Harness.AnonymousClient.PostAsync("api/interview-alerts", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("application/json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await fixture.Harness.Queue("interview-alerts").PeekMessagesAsync(32)).Value);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Refused_envelope_gets_Status_405_naming_the_problem_and_nothing_is_queued(string file)
    {
        var testCase = BrassRingCases.Get(file);

        var (status, xml) = await BrassRingOverHttpTests.PostAsync(fixture.Harness, testCase.Bytes, testCase.ContentType, AdapterHarness.BrassRingBasic);

        Assert.Equal(HttpStatusCode.OK, status);
        var envelope = EnvelopeStatus.Parse(xml);
        Assert.Equal(405, envelope.Code);
        foreach (var expected in testCase.Strings("longDescriptionContains").Concat(testCase.Strings("reasonContains")))
        {
            Assert.Contains(expected, envelope.LongDescription, StringComparison.Ordinal);
        }

        foreach (var excluded in testCase.Strings("longDescriptionExcludes")) Assert.DoesNotContain(excluded, envelope.LongDescription, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", xml, StringComparison.Ordinal);
        Assert.Empty((await fixture.Harness.Queue("interview-alerts").PeekMessagesAsync(32)).Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic YWNtZS1icmFzc3Jpbmc6d3Jvbmc=")] // acme-brassring:wrong
    [InlineData("Basic bm9ib2R5Om5vdGhpbmc=")] // nobody:nothing
    [InlineData("Bearer abc")]
    public async Task Missing_or_wrong_credentials_get_Status_401_and_nothing_is_queued(string? authorization)
    {
        var body = BrassRingCases.Get("reference-sample.xml").Bytes;

        var (status, xml) = await BrassRingOverHttpTests.PostAsync(fixture.Harness, body, "text/xml", authorization);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        var envelope = EnvelopeStatus.Parse(xml);
        Assert.Equal(401, envelope.Code);
        Assert.Contains("HSCAND884213", xml, StringComparison.Ordinal); // mirrored TransactId
        Assert.DoesNotContain(AdapterHarness.BrassRingPassword, xml, StringComparison.Ordinal);
        Assert.Empty((await fixture.Harness.Queue("interview-alerts").PeekMessagesAsync(32)).Value);
    }
}
