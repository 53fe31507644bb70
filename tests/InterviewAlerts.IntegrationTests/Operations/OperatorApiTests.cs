using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InterviewAlerts.IntegrationTests.BrassRing;
using InterviewAlerts.IntegrationTests.Contract;
using InterviewAlerts.IntegrationTests.Infrastructure;
using Paradox.Sandbox.Faults;
using static InterviewAlerts.IntegrationTests.Infrastructure.BrassRingEnvelopes;

namespace InterviewAlerts.IntegrationTests.Operations;

/// <summary>
/// The operator API over real HTTP, Azurite and the sandbox: requests found by TransactId, ex_id, caller and state;
/// one request's attempts with Paradox's status and redacted answer; refused exports with their reasons; dead letters
/// grouped by reason, replayed once, discarded. No answer carries a candidate's name, email, phone or ex_id.
/// </summary>
public sealed class OperatorApiTests(DeliveringAdapterFixture fixture) : IClassFixture<DeliveringAdapterFixture>
{
    private const string FirstName = "Zqandrea";
    private const string LastName = "Zqvolkova";
    private const string Phone = "+1 415 555 0142";

    private AdapterHarness Harness => fixture.Harness;

    [Fact]
    public async Task BrassRing_request_Paradox_declines_is_found_by_TransactId_explained_and_delivered_once_after_a_replay()
    {
        var candidateId = NewCandidateId();
        var email = candidateId.ToLowerInvariant() + "@example.org";
        var transactId = "TX-OPS-" + Guid.NewGuid().ToString("N");
        Harness.SandboxFaults.Add(new FaultRule { BusinessError = $"Candidate {FirstName} {LastName} ({email}, {Phone}) is archived", Count = 1 });

        await PostEnvelopeAsync(Envelope(transactId, PersonalPacket("P-1", candidateId, email)));
        var found = await Eventually.ValueAsync(async () =>
        {
            var items = (await GetJsonAsync($"api/ops/requests?transactId={transactId}")).GetProperty("items");
            return items.GetArrayLength() == 1 && items[0].GetProperty("state").GetString() == "rejected" ? (object)items[0].Clone() : null;
        }, TimeSpan.FromSeconds(30), "the declined request to be found by its TransactId");
        var summary = (JsonElement)found;
        var id = summary.GetProperty("trackingId").GetString()!;
        Assert.Equal(("brassring", AdapterHarness.BrassRingUser, Manifest, "P-1"), (summary.GetProperty("shape").GetString(), summary.GetProperty("caller").GetString(),
            summary.GetProperty("manifest").GetString(), summary.GetProperty("packetId").GetString()));
        Assert.Equal("paradox_declined", summary.GetProperty("reasonCode").GetString());

        await WaitForDeadLetterAsync(id);
        var detailText = await GetTextAsync($"api/ops/requests/{id}");
        var detail = JsonDocument.Parse(detailText).RootElement;
        var attempt = Assert.Single(detail.GetProperty("history").EnumerateArray());
        Assert.Equal((1, 200), (attempt.GetProperty("attempt").GetInt32(), attempt.GetProperty("httpStatus").GetInt32()));
        var answer = attempt.GetProperty("detail").GetString()!;
        Assert.Contains("Candidate [redacted] [redacted] ([redacted], ", answer, StringComparison.Ordinal);
        Assert.Contains(") is archived", answer, StringComparison.Ordinal);
        var deadLetter = detail.GetProperty("deadLetter");
        Assert.Equal("paradox_declined", deadLetter.GetProperty("reasonCode").GetString());
        Assert.True(deadLetter.GetProperty("replayable").GetBoolean());
        AssertNoPersonalData(detailText, candidateId, email);

        var groupsText = await GetTextAsync($"api/ops/dead-letters?caller={AdapterHarness.BrassRingUser}");
        var group = Assert.Single(JsonDocument.Parse(groupsText).RootElement.GetProperty("groups").EnumerateArray(),
            g => g.GetProperty("reasonCode").GetString() == "paradox_declined");
        Assert.Contains(group.GetProperty("items").EnumerateArray(), item => item.GetProperty("trackingId").GetString() == id);
        AssertNoPersonalData(groupsText, candidateId, email);

        // The fault was for one request only: the replay delivers it, a second replay finds it delivered.
        var replay = await PostJsonAsync("api/ops/dead-letters/replay", new { trackingIds = new[] { id } });
        Assert.Equal([id], Ids(replay, "replayed"));
        var delivered = await WaitForDetailStateAsync(id, "delivered");
        Assert.Equal(1, delivered.GetProperty("replays").GetInt32());
        Assert.Equal(JsonValueKind.Null, delivered.GetProperty("deadLetter").ValueKind);
        Assert.Equal([1, 2], delivered.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("attempt").GetInt32()));
        var again = await PostJsonAsync("api/ops/dead-letters/replay", new { trackingIds = new[] { id } });
        Assert.Equal([id], Ids(again, "alreadyDelivered"));
        // The sandbox records the declined attempt (HTTP 200, success 0) and the one delivery, nothing more.
        Assert.Equal(2, Harness.SandboxRequests.All().Count(r => r.TrackingId == id));
    }

    [Fact]
    public async Task Refused_export_is_found_by_TransactId_with_its_reason_codes_and_without_any_value()
    {
        var candidateId = NewCandidateId();
        var email = candidateId.ToLowerInvariant() + "@example.org";
        var transactId = "TX-REFUSED-" + Guid.NewGuid().ToString("N");

        var (status, _) = await PostEnvelopeAsync(Envelope(transactId, PersonalPacket("P-9", candidateId, email, minutes: 3)));
        Assert.Equal(HttpStatusCode.OK, status);

        var searchText = await GetTextAsync($"api/ops/requests?transactId={transactId}&state=refused");
        var item = Assert.Single(JsonDocument.Parse(searchText).RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(("refused", "brassring", "P-9"), (item.GetProperty("state").GetString(), item.GetProperty("shape").GetString(), item.GetProperty("packetId").GetString()));
        Assert.Equal(["out_of_range"], item.GetProperty("reasonCodes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(JsonValueKind.Null, item.GetProperty("reasonCode").ValueKind);

        var detailText = await GetTextAsync($"api/ops/requests/{item.GetProperty("trackingId").GetString()}");
        var detail = JsonDocument.Parse(detailText).RootElement;
        Assert.Equal(405, detail.GetProperty("answeredStatus").GetInt32());
        var problem = Assert.Single(detail.GetProperty("problems").EnumerateArray());
        Assert.Equal(("interview_duration", "out_of_range"), (problem.GetProperty("field").GetString(), problem.GetProperty("code").GetString()));
        Assert.Empty(detail.GetProperty("history").EnumerateArray());
        AssertNoPersonalData(searchText + detailText, candidateId, email);
        Assert.DoesNotContain(Harness.SandboxRequests.All(), r => r.Body.Contains(candidateId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Native_request_is_found_by_its_ex_id_within_its_caller_and_not_within_another_callers()
    {
        var exId = "EX-" + Guid.NewGuid().ToString("N");
        var id = await Harness.PostNativeAsync($$"""{"ex_id":"{{exId}}","first_name":"{{FirstName}}","interview_duration":30,"interview_type":2}""");
        await Harness.WaitForStateAsync(id, "delivered");

        var mineText = await GetTextAsync($"api/ops/requests?exId={exId}&caller={AdapterHarness.JsonCaller}&state=delivered");
        var mine = JsonDocument.Parse(mineText).RootElement;
        Assert.Equal([id], mine.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("trackingId").GetString()));
        Assert.False(mine.GetProperty("truncated").GetBoolean());
        Assert.DoesNotContain(FirstName, mineText, StringComparison.Ordinal);

        var others = await GetJsonAsync($"api/ops/requests?exId={exId}&caller={AdapterHarness.OtherBrassRingUser}");
        Assert.Empty(others.GetProperty("items").EnumerateArray());
        var otherEx = await GetJsonAsync($"api/ops/requests?exId=EX-{Guid.NewGuid():N}");
        Assert.Empty(otherEx.GetProperty("items").EnumerateArray());
        var detailText = await GetTextAsync($"api/ops/requests/{id}");
        Assert.DoesNotContain(exId, detailText, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(detailText).RootElement.GetProperty("manifest").ValueKind);
    }

    [Fact]
    public async Task Dead_letters_grouped_by_reason_are_discarded_one_by_one_or_all_of_a_reason()
    {
        Harness.SandboxFaults.Add(new FaultRule { Status = 409, Count = 3 });
        string[] ids = [await Harness.PostNativeAsync(HarnessRequests.UniqueRequest()), await Harness.PostNativeAsync(HarnessRequests.UniqueRequest()),
            await Harness.PostNativeAsync(HarnessRequests.UniqueRequest())];
        foreach (var id in ids) await WaitForDeadLetterAsync(id);

        var group = Assert.Single((await GetJsonAsync("api/ops/dead-letters?reasonCode=paradox_conflict")).GetProperty("groups").EnumerateArray());
        Assert.Equal(3, group.GetProperty("count").GetInt32());
        Assert.Equal(ids.Order(StringComparer.Ordinal), group.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("trackingId").GetString()!).Order(StringComparer.Ordinal));

        var one = await PostJsonAsync("api/ops/dead-letters/discard", new { trackingIds = new[] { ids[0], "ia_00000000000000000000000000" } });
        Assert.Equal([ids[0]], Ids(one, "discarded"));
        Assert.Equal(["ia_00000000000000000000000000"], Ids(one, "notFound"));
        var discarded = await GetJsonAsync($"api/ops/requests/{ids[0]}");
        Assert.Equal(("discarded", "paradox_conflict"), (discarded.GetProperty("state").GetString(), discarded.GetProperty("reasonCode").GetString()));
        Assert.NotEqual(JsonValueKind.Null, discarded.GetProperty("discardedAt").ValueKind);
        Assert.False(await Harness.DeadLetters().GetBlobClient($"{AdapterHarness.JsonCaller}/{ids[0]}.json").ExistsAsync());

        var rest = await PostJsonAsync("api/ops/dead-letters/discard", new { reasonCode = "paradox_conflict", caller = AdapterHarness.JsonCaller });
        Assert.Equal(ids[1..].Order(StringComparer.Ordinal), Ids(rest, "discarded").Order(StringComparer.Ordinal));
        Assert.Empty((await GetJsonAsync("api/ops/dead-letters?reasonCode=paradox_conflict")).GetProperty("groups").EnumerateArray());
        var replayDiscarded = await PostJsonAsync("api/ops/dead-letters/replay", new { trackingIds = ids });
        Assert.Equal(ids, Ids(replayDiscarded, "notFound"));
        Assert.All(ids, id => Assert.Equal(0, Harness.DeliveredCount(id)));
    }

    [Theory]
    [InlineData("api/ops/requests?state=lost", "state")]
    [InlineData("api/ops/requests?limit=0", "limit")]
    [InlineData("api/ops/requests?limit=201", "limit")]
    [InlineData("api/ops/requests?from=yesterday", "from")]
    [InlineData("api/ops/requests?trackingId=12345", "trackingId")]
    [InlineData("api/ops/dead-letters?reasonCode=bad_luck", "reasonCode")]
    public async Task Malformed_filter_is_answered_400_naming_the_parameter(string url, string parameter)
    {
        using var response = await Harness.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal(parameter, error.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Unknown_tracking_id_is_404_and_a_selection_naming_nothing_is_400()
    {
        using var unknown = await Harness.Client.GetAsync("api/ops/requests/ia_00000000000000000000000000");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        using var empty = await Harness.Client.PostAsync("api/ops/dead-letters/replay", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        using var notJson = await Harness.Client.PostAsync("api/ops/dead-letters/discard", new StringContent("[1,", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
    }

    /// <summary>A candidate packet that carries a name, an email and a phone besides the candidate id.</summary>
    private static string PersonalPacket(string packetId, string candidateId, string email, int minutes = 30) => $"""
        <Packet>
          <PacketInfo packetType="data"><PacketId>{packetId}</PacketId><Action>SET</Action><Manifest>{Manifest}</Manifest></PacketInfo>
          <Payload><![CDATA[<{Manifest}><CANDIDATEID>{candidateId}</CANDIDATEID><FIRSTNAME>{FirstName}</FIRSTNAME><LASTNAME>{LastName}</LASTNAME><EMAIL>{email}</EMAIL><CELLPHONE>{Phone}</CELLPHONE><INTERVIEWTYPE>Phone Interview</INTERVIEWTYPE><INTERVIEWDURATION>{minutes}</INTERVIEWDURATION></{Manifest}>]]></Payload>
        </Packet>
        """;

    private static void AssertNoPersonalData(string json, string candidateId, string email)
    {
        foreach (var value in new[] { FirstName, LastName, email, Phone, "555 0142", candidateId })
        {
            Assert.DoesNotContain(value, json, StringComparison.OrdinalIgnoreCase);
        }
    }

    private Task<(HttpStatusCode Status, string Xml)> PostEnvelopeAsync(byte[] body) =>
        BrassRingOverHttpTests.PostAsync(Harness, body, "text/xml", AdapterHarness.BrassRingBasic);

    private async Task<JsonElement> WaitForDetailStateAsync(string id, string state) =>
        (JsonElement)await Eventually.ValueAsync(async () =>
        {
            var detail = await GetJsonAsync($"api/ops/requests/{id}");
            return detail.GetProperty("state").GetString() == state ? (object)detail : null;
        }, TimeSpan.FromSeconds(30), $"{id} to be {state}");

    /// <summary>Waits until the request's dead letter is written and noted on its record (after its terminal state).</summary>
    private async Task WaitForDeadLetterAsync(string id) =>
        await Eventually.ValueAsync(async () =>
            (await GetJsonAsync($"api/ops/requests/{id}")).GetProperty("deadLetter").ValueKind == JsonValueKind.Object ? "held" : null,
            TimeSpan.FromSeconds(30), $"the dead letter of {id}");

    private async Task<string> GetTextAsync(string url)
    {
        using var response = await Harness.Client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return text;
    }

    private async Task<JsonElement> GetJsonAsync(string url) => JsonDocument.Parse(await GetTextAsync(url)).RootElement.Clone();

    private async Task<JsonElement> PostJsonAsync(string url, object body)
    {
        using var response = await Harness.Client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string[] Ids(JsonElement answer, string list) => [.. answer.GetProperty(list).EnumerateArray().Select(e => e.GetString()!)];
}
