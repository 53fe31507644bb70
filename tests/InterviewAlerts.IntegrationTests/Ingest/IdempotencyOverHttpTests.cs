using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using InterviewAlerts.IntegrationTests.Contract;
using InterviewAlerts.IntegrationTests.Infrastructure;

namespace InterviewAlerts.IntegrationTests.Ingest;

/// <summary>
/// Idempotency-Key over real HTTP, Azurite and the sandbox: concurrent requests with one key make one request whose
/// body is the winner's, a key reused with another body is refused with 409, and tracking ids are random.
/// </summary>
public sealed class IdempotencyOverHttpTests(DeliveringAdapterFixture fixture) : IClassFixture<DeliveringAdapterFixture>
{
    private const int Pairs = 20;

    private AdapterHarness Harness => fixture.Harness;

    [Fact]
    public async Task Concurrent_pairs_with_one_key_and_different_bodies_deliver_the_winners_body_once_and_both_answers_name_the_winner()
    {
        var pairs = await Task.WhenAll(Enumerable.Range(0, Pairs).Select(_ => RacePairAsync(sameBody: false)));

        foreach (var pair in pairs)
        {
            var (winner, loser) = pair[0].Status == HttpStatusCode.Accepted ? (pair[0], pair[1]) : (pair[1], pair[0]);
            Assert.Equal(HttpStatusCode.Accepted, winner.Status);
            Assert.False(winner.Answer.GetProperty("duplicate").GetBoolean());
            var id = winner.Answer.GetProperty("id").GetString()!;

            Assert.Equal(HttpStatusCode.Conflict, loser.Status);
            var error = loser.Answer.GetProperty("errors")[0];
            Assert.Equal(("Idempotency-Key", "idempotency_key_reused"), (error.GetProperty("field").GetString(), error.GetProperty("code").GetString()));
            Assert.Contains(id, error.GetProperty("message").GetString(), StringComparison.Ordinal);

            var delivered = Assert.Single(await Harness.WaitForParadoxAsync(id));
            Assert.Equal(winner.ExId, JsonDocument.Parse(delivered.Body).RootElement.GetProperty("ex_id").GetString());
        }

        var sandbox = Harness.SandboxRequests.All();
        Assert.All(pairs.SelectMany(p => p).Where(r => r.Status == HttpStatusCode.Conflict),
            loser => Assert.DoesNotContain(sandbox, r => r.Body.Contains(loser.ExId, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Concurrent_pairs_with_one_key_and_the_same_body_make_one_request_that_both_answers_name()
    {
        var pairs = await Task.WhenAll(Enumerable.Range(0, Pairs).Select(_ => RacePairAsync(sameBody: true)));

        foreach (var pair in pairs)
        {
            Assert.All(pair, r => Assert.Equal(HttpStatusCode.Accepted, r.Status));
            Assert.Single(pair, r => !r.Answer.GetProperty("duplicate").GetBoolean());
            var id = pair[0].Answer.GetProperty("id").GetString()!;
            Assert.Equal(id, pair[1].Answer.GetProperty("id").GetString());
            await Harness.WaitForStateAsync(id, "delivered");
            Assert.Equal(1, Harness.DeliveredCount(id));
        }
    }

    [Fact]
    public async Task Key_reused_with_another_body_gets_409_stores_nothing_and_the_first_body_is_delivered_once()
    {
        var key = "reuse-" + Guid.NewGuid().ToString("N");
        var (first, second) = (HarnessRequests.UniqueRequest(), HarnessRequests.UniqueRequest());
        var accepted = await PostAsync(first, key);
        var id = accepted.Answer.GetProperty("id").GetString()!;
        var stored = PartitionCount();

        var refused = await PostAsync(second, key);

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal("application/problem+json", refused.MediaType);
        Assert.Equal(409, refused.Answer.GetProperty("status").GetInt32());
        var error = refused.Answer.GetProperty("errors")[0];
        Assert.Equal("Idempotency-Key", error.GetProperty("field").GetString());
        Assert.Contains(id, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(stored, PartitionCount());

        var again = await PostAsync(first, key);
        Assert.Equal((HttpStatusCode.Accepted, id, true),
            (again.Status, again.Answer.GetProperty("id").GetString(), again.Answer.GetProperty("duplicate").GetBoolean()));
        await Harness.WaitForStateAsync(id, "delivered");
        Assert.Equal(1, Harness.DeliveredCount(id));
        Assert.DoesNotContain(Harness.SandboxRequests.All(), r => r.Body.Contains(JsonDocument.Parse(second).RootElement.GetProperty("ex_id").GetString()!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tracking_ids_are_not_derived_from_the_request_the_same_body_after_its_records_are_gone_gets_a_new_id()
    {
        var body = HarnessRequests.UniqueRequest();
        var first = (await PostAsync(body, key: null)).Answer.GetProperty("id").GetString()!;
        await Harness.WaitForStateAsync(first, "delivered");

        var table = Harness.Records();
        foreach (var entity in table.Query<TableEntity>(e => e.PartitionKey == AdapterHarness.JsonCaller).ToList()
                     .Where(e => e.RowKey == first || e.GetString("TrackingId") == first))
        {
            await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey);
        }

        var second = await PostAsync(body, key: null);

        Assert.False(second.Answer.GetProperty("duplicate").GetBoolean());
        Assert.NotEqual(first, second.Answer.GetProperty("id").GetString());
    }

    private sealed record Reply(HttpStatusCode Status, JsonElement Answer, string ExId, string? MediaType);

    /// <summary>Two requests with one new key, released together by a barrier so that they truly race.</summary>
    private async Task<Reply[]> RacePairAsync(bool sameBody)
    {
        var key = "race-" + Guid.NewGuid().ToString("N");
        var first = HarnessRequests.UniqueRequest();
        var bodies = new[] { first, sameBody ? first : HarnessRequests.UniqueRequest() };
        using var barrier = new Barrier(2);
        return await Task.WhenAll(bodies.Select(body => Task.Run(async () =>
        {
            barrier.SignalAndWait();
            return await PostAsync(body, key);
        })));
    }

    private async Task<Reply> PostAsync(string body, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/interview-alerts") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        var response = await Harness.Client.SendAsync(request);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new Reply(response.StatusCode, answer, JsonDocument.Parse(body).RootElement.GetProperty("ex_id").GetString()!, response.Content.Headers.ContentType?.MediaType);
    }

    private int PartitionCount() => Harness.Records().Query<TableEntity>(e => e.PartitionKey == AdapterHarness.JsonCaller).Count();
}
