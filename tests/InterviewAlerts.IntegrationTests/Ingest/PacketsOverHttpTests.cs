using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using InterviewAlerts.IntegrationTests.BrassRing;
using InterviewAlerts.IntegrationTests.Contract;
using InterviewAlerts.IntegrationTests.Infrastructure;
using static InterviewAlerts.IntegrationTests.Infrastructure.BrassRingEnvelopes;

namespace InterviewAlerts.IntegrationTests.Ingest;

/// <summary>
/// Envelopes with several candidate packets over real HTTP, Azurite and the sandbox: each packet is a request of its
/// own, answered on its own, and only the good ones reach Paradox.
/// </summary>
public sealed partial class PacketsOverHttpTests(DeliveringAdapterFixture fixture) : IClassFixture<DeliveringAdapterFixture>
{
    private AdapterHarness Harness => fixture.Harness;

    [Fact]
    public async Task Two_good_candidates_are_two_requests_each_delivered_once_with_its_own_data()
    {
        var (first, second) = (NewCandidateId(), NewCandidateId());
        var body = Envelope("TX-TWO-" + Guid.NewGuid().ToString("N"), Candidate("1", first), Candidate("2", second), Requisition("3"));

        var (status, xml) = await BrassRingOverHttpTests.PostAsync(Harness, body, "text/xml", AdapterHarness.BrassRingBasic);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(200, EnvelopeStatus.Parse(xml).Code);
        var packets = PacketStatuses(xml);
        Assert.Equal(["1", "2", "3"], packets.Select(p => p.PacketId));
        Assert.All(packets, p => Assert.Equal(200, p.Code));
        var ids = packets.Take(2).Select(p => TrackingId().Match(p.LongDescription).Value).ToList();
        Assert.All(ids, id => Assert.NotEmpty(id));
        Assert.NotEqual(ids[0], ids[1]);

        foreach (var (id, candidate) in ids.Zip([first, second]))
        {
            var delivered = Assert.Single(await Harness.WaitForParadoxAsync(id));
            var sent = JsonDocument.Parse(delivered.Body).RootElement;
            Assert.Equal(candidate, sent.GetProperty("ex_id").GetString());
            Assert.Equal("18842BR", sent.GetProperty("job_req_id").GetString()); // the requisition completes both
        }
    }

    [Fact]
    public async Task Good_and_bad_candidate_answer_200_and_405_per_packet_and_only_the_good_one_reaches_Paradox()
    {
        var (good, bad) = (NewCandidateId(), NewCandidateId());
        var body = Envelope("TX-MIX-" + Guid.NewGuid().ToString("N"), Candidate("1", good), Candidate("2", bad, valid: false));

        var (status, xml) = await BrassRingOverHttpTests.PostAsync(Harness, body, "text/xml", AdapterHarness.BrassRingBasic);

        Assert.Equal(HttpStatusCode.OK, status);
        var transaction = EnvelopeStatus.Parse(xml);
        Assert.Equal((405, "Data problem"), (transaction.Code, transaction.ShortDescription));
        var packets = PacketStatuses(xml);
        Assert.Equal((200, 405), (packets[0].Code, packets[1].Code));
        Assert.Equal("INTERVIEWDURATION must be 5–415 minutes; got 3.", packets[1].LongDescription);
        var id = TrackingId().Match(packets[0].LongDescription).Value;
        Assert.Contains(id, transaction.LongDescription, StringComparison.Ordinal);
        Assert.Contains("Packet 2 NOT queued", transaction.LongDescription, StringComparison.Ordinal);

        var delivered = Assert.Single(await Harness.WaitForParadoxAsync(id));
        Assert.Equal(good, JsonDocument.Parse(delivered.Body).RootElement.GetProperty("ex_id").GetString());
        Assert.DoesNotContain(Harness.SandboxRequests.All(), r => r.Body.Contains(bad, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retransmitted_multi_packet_envelope_gets_the_same_ids_per_packet_and_nothing_new_is_delivered()
    {
        var body = Envelope("TX-AGAIN-" + Guid.NewGuid().ToString("N"), Candidate("1", NewCandidateId()), Candidate("2", NewCandidateId()));

        var first = PacketStatuses((await BrassRingOverHttpTests.PostAsync(Harness, body, "text/xml", AdapterHarness.BrassRingBasic)).Xml);
        var ids = first.Select(p => TrackingId().Match(p.LongDescription).Value).ToList();
        foreach (var id in ids) await Harness.WaitForStateAsync(id, "delivered");
        var again = PacketStatuses((await BrassRingOverHttpTests.PostAsync(Harness, body, "text/xml", AdapterHarness.BrassRingBasic)).Xml);

        Assert.Equal(ids, again.Select(p => TrackingId().Match(p.LongDescription).Value));
        Assert.All(ids, id => Assert.Equal(1, Harness.DeliveredCount(id)));
    }

    [Fact]
    public async Task Same_TransactId_and_PacketId_with_other_data_is_refused_for_that_packet_and_nothing_is_queued()
    {
        var transactId = "TX-REUSE-" + Guid.NewGuid().ToString("N");
        var (original, changed) = (NewCandidateId(), NewCandidateId());
        var first = PacketStatuses((await BrassRingOverHttpTests.PostAsync(Harness, Envelope(transactId, Candidate("1", original)),
            "text/xml", AdapterHarness.BrassRingBasic)).Xml);
        var id = TrackingId().Match(first[0].LongDescription).Value;

        var (status, xml) = await BrassRingOverHttpTests.PostAsync(Harness, Envelope(transactId, Candidate("1", changed)), "text/xml", AdapterHarness.BrassRingBasic);

        Assert.Equal(HttpStatusCode.OK, status);
        var refused = Assert.Single(PacketStatuses(xml));
        Assert.Equal(405, refused.Code);
        Assert.Contains("already used with different content", refused.LongDescription, StringComparison.Ordinal);
        Assert.Contains(id, refused.LongDescription, StringComparison.Ordinal);
        await Harness.WaitForStateAsync(id, "delivered");
        Assert.DoesNotContain(Harness.SandboxRequests.All(), r => r.Body.Contains(changed, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_export_user_cannot_take_over_a_transaction_with_the_same_Sender_TransactId_and_PacketId()
    {
        var transactId = "TX-USERS-" + Guid.NewGuid().ToString("N");
        var (intruder, real) = (NewCandidateId(), NewCandidateId());

        var theirs = PacketStatuses((await BrassRingOverHttpTests.PostAsync(Harness, Envelope(transactId, Candidate("1", intruder)),
            "text/xml", AdapterHarness.OtherBrassRingBasic)).Xml);
        var (status, xml) = await BrassRingOverHttpTests.PostAsync(Harness, Envelope(transactId, Candidate("1", real)), "text/xml", AdapterHarness.BrassRingBasic);

        Assert.Equal(HttpStatusCode.OK, status);
        var mine = Assert.Single(PacketStatuses(xml));
        Assert.Equal(200, mine.Code);
        var (theirId, myId) = (TrackingId().Match(theirs[0].LongDescription).Value, TrackingId().Match(mine.LongDescription).Value);
        Assert.NotEqual(theirId, myId);
        var delivered = Assert.Single(await Harness.WaitForParadoxAsync(myId));
        Assert.Equal(real, JsonDocument.Parse(delivered.Body).RootElement.GetProperty("ex_id").GetString());
    }

    [Fact]
    public async Task Identical_envelopes_from_two_users_get_different_random_tracking_ids()
    {
        var body = Envelope("TX-IDS-" + Guid.NewGuid().ToString("N"), Candidate("1", NewCandidateId()));

        var mine = Assert.Single(PacketStatuses((await BrassRingOverHttpTests.PostAsync(Harness, body, "text/xml", AdapterHarness.BrassRingBasic)).Xml));
        var theirs = Assert.Single(PacketStatuses((await BrassRingOverHttpTests.PostAsync(Harness, body, "text/xml", AdapterHarness.OtherBrassRingBasic)).Xml));

        Assert.Equal((200, 200), (mine.Code, theirs.Code));
        Assert.NotEqual(TrackingId().Match(mine.LongDescription).Value, TrackingId().Match(theirs.LongDescription).Value);
    }

    [Fact]
    public async Task Validate_shows_the_outcome_of_every_candidate_packet()
    {
        var body = Envelope("TX-DRY-" + Guid.NewGuid().ToString("N"), Candidate("1", NewCandidateId()), Candidate("2", NewCandidateId(), valid: false));
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("text/xml");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/interview-alerts/validate") { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", AdapterHarness.BrassRingBasic);

        var response = await Harness.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var packets = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("packets").EnumerateArray().ToList();
        Assert.Equal(["1", "2"], packets.Select(p => p.GetProperty("packetId").GetString()));
        Assert.True(packets[0].GetProperty("valid").GetBoolean());
        Assert.Equal(JsonValueKind.Object, packets[0].GetProperty("paradoxRequest").ValueKind);
        Assert.False(packets[1].GetProperty("valid").GetBoolean());
        Assert.Equal("INTERVIEWDURATION must be 5–415 minutes; got 3.", packets[1].GetProperty("longDescription").GetString());
    }

    [GeneratedRegex("ia_[0-9a-z]{26}")]
    private static partial Regex TrackingId();
}
