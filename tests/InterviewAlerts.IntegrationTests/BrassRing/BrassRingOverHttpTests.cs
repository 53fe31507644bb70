using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InterviewAlerts.IntegrationTests.Contract;
using InterviewAlerts.IntegrationTests.Infrastructure;

namespace InterviewAlerts.IntegrationTests.BrassRing;

/// <summary>BrassRing envelopes over real HTTP with Basic credentials: the mirrored envelope, and delivery to the sandbox.</summary>
public sealed partial class BrassRingOverHttpTests(DeliveringAdapterFixture fixture) : IClassFixture<DeliveringAdapterFixture>
{
    public static TheoryData<string> Accepted => BrassRingCases.Files("accepted");

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task Accepted_envelope_is_answered_200_and_reaches_Paradox_with_the_mapped_fields(string file)
    {
        var testCase = BrassRingCases.Get(file);
        var before = fixture.Harness.SandboxRequests.All().Count;

        var (status, xml) = await PostAsync(testCase.Bytes, testCase.ContentType, AdapterHarness.BrassRingBasic);

        Assert.Equal(HttpStatusCode.OK, status);
        var envelope = EnvelopeStatus.Parse(xml);
        Assert.Equal(200, envelope.Code);
        Assert.True(envelope.PacketStatuses >= 1);
        var trackingId = TrackingId().Match(envelope.LongDescription).Value;
        Assert.NotEmpty(trackingId);

        var delivered = await Eventually.ValueAsync(
            () => fixture.Harness.SandboxRequests.All().Skip(before).FirstOrDefault(r => r.TrackingId == trackingId),
            TimeSpan.FromSeconds(30), "delivery of " + file);
        Assert.True(delivered.Status == 200, $"Paradox sandbox answered {delivered.Status} for {delivered.Body}");
        var sent = JsonNode.Parse(delivered.Body)!.AsObject();
        foreach (var (field, expected) in testCase.Expectation["paradox"]!.AsObject())
        {
            Assert.True(sent.ContainsKey(field), $"{field} missing from {sent.ToJsonString()}");
            Assert.Equal(Text(expected), Text(sent[field]));
        }

        // Corpus variants of one transaction share an idempotency key; once this one is recorded as delivered,
        // forget it so the next variant counts as new.
        await Eventually.ValueAsync(async () =>
            (await fixture.Harness.GetStatusAsync(trackingId)).GetProperty("state").GetString() == "delivered" ? "yes" : null,
            TimeSpan.FromSeconds(10), "delivered state");
        await fixture.Harness.Records().DeleteEntityAsync(AdapterHarness.BrassRingUser, trackingId);
    }

    [Fact]
    public async Task Retransmitted_envelope_gets_the_same_tracking_id_and_one_Paradox_call()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "corpus", "brassring", "reference-sample.xml"))
            .Replace("HSCAND884213", "RETRANSMIT-" + Guid.NewGuid().ToString("N"), StringComparison.Ordinal));

        var first = EnvelopeStatus.Parse((await PostAsync(bytes, "text/xml", AdapterHarness.BrassRingBasic)).Xml);
        var id = TrackingId().Match(first.LongDescription).Value;
        await fixture.Harness.WaitForParadoxAsync(id);
        var second = EnvelopeStatus.Parse((await PostAsync(bytes, "text/xml", AdapterHarness.BrassRingBasic)).Xml);

        Assert.Equal(200, second.Code);
        Assert.Equal(id, TrackingId().Match(second.LongDescription).Value);
        // A wrongly queued copy would still be in the delivery queue (or on its way to Paradox): wait until it is empty.
        var deliveryQueue = fixture.Harness.Queue("interview-alerts");
        await Eventually.ValueAsync(async () =>
            (await deliveryQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0 ? "empty" : null,
            TimeSpan.FromSeconds(10), "empty delivery queue");
        Assert.Single(fixture.Harness.SandboxRequests.All(), r => r.TrackingId == id);
    }

    internal static async Task<(HttpStatusCode Status, string Xml)> PostAsync(AdapterHarness harness, byte[] body, string contentType, string? authorization)
    {
        using var content = new ByteArrayContent(body);
        if (contentType.Length > 0) content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/interview-alerts") { Content = content };
        if (authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", authorization);
        var response = await harness.AnonymousClient.SendAsync(request);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private Task<(HttpStatusCode Status, string Xml)> PostAsync(byte[] body, string contentType, string? authorization) =>
        PostAsync(fixture.Harness, body, contentType, authorization);

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    [GeneratedRegex("ia_[0-9a-z]{26}")]
    private static partial Regex TrackingId();
}
