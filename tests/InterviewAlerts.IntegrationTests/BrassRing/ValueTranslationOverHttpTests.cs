using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InterviewAlerts.IntegrationTests.Contract;
using InterviewAlerts.IntegrationTests.Infrastructure;

namespace InterviewAlerts.IntegrationTests.BrassRing;

/// <summary>
/// A value translation end to end, with the shipped sample mapping (GLOBEX_PARADOX_SCHEDULE translates INTERVIEWTYPE
/// "Video Call" to 7): the dry run shows the translation, the request reaches the Paradox sandbox as interview_type 7,
/// and a manifest without the translation gets a clear answer naming the element.
/// </summary>
public sealed partial class ValueTranslationOverHttpTests(DeliveringAdapterFixture fixture) : IClassFixture<DeliveringAdapterFixture>
{
    private static byte[] Envelope(string manifest, string transactId) => System.Text.Encoding.UTF8.GetBytes($"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Envelope version="01.00">
          <Sender><Id>GLOBEX_INTEG</Id><Credential>{AdapterHarness.BrassRingClientId}</Credential></Sender>
          <TransactInfo transactType="data"><TransactId>{transactId}</TransactId><TimeStamp>2026-01-05 10:00 AM</TimeStamp></TransactInfo>
          <Packet>
            <PacketInfo packetType="data"><PacketId>1</PacketId><Action>SET</Action><Manifest>{manifest}</Manifest></PacketInfo>
            <Payload><![CDATA[<{manifest}><CANDIDATEID>7781</CANDIDATEID><EMAIL>sam.test@example.org</EMAIL><INTERVIEWTYPE>Video Call</INTERVIEWTYPE><INTERVIEWDURATION>45</INTERVIEWDURATION></{manifest}>]]></Payload>
          </Packet>
        </Envelope>
        """);

    [Fact]
    public async Task Video_Call_translated_to_7_is_in_the_dry_run_request_and_reaches_Paradox_as_interview_type_7()
    {
        var transactId = "VIDEO-" + Guid.NewGuid().ToString("N");
        var body = Envelope("GLOBEX_PARADOX_SCHEDULE", transactId);

        var dryRun = await PostAsync("api/interview-alerts/validate", body);
        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        var answer = JsonNode.Parse(await dryRun.Content.ReadAsStringAsync())!;
        Assert.Equal(7, answer["paradoxRequest"]!["interview_type"]!.GetValue<int>());

        var accepted = await PostAsync("api/interview-alerts", body);
        var status = EnvelopeStatus.Parse(await accepted.Content.ReadAsStringAsync());
        Assert.Equal(200, status.Code);
        var trackingId = TrackingId().Match(status.LongDescription).Value;

        var delivered = Assert.Single(await fixture.Harness.WaitForParadoxAsync(trackingId));
        var sent = JsonNode.Parse(delivered.Body)!;
        Assert.Equal(JsonValueKind.Number, sent["interview_type"]!.GetValueKind());
        Assert.Equal(7, sent["interview_type"]!.GetValue<int>());
    }

    [Fact]
    public async Task Without_a_translation_Video_Call_is_a_clear_problem_naming_the_element()
    {
        var response = await PostAsync("api/interview-alerts/validate", Envelope("INITECH_VIRTUAL_SCREEN", "VIDEO-" + Guid.NewGuid().ToString("N")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Null(answer["paradoxRequest"]);
        Assert.Contains("INTERVIEWTYPE must be an interview type number 1–19 or a name such as \"Phone Interview\"; got \"Video Call\".",
            answer["longDescription"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/xml");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", AdapterHarness.BrassRingBasic);
        var response = await fixture.Harness.Client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    [GeneratedRegex("ia_[0-9a-z]{26}")]
    private static partial Regex TrackingId();
}
