using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewAlerts.IntegrationTests.Infrastructure;
using Paradox.Sandbox.Faults;

namespace InterviewAlerts.IntegrationTests.Delivery;

/// <summary>A Paradox outage longer than the retry horizon: the request expires with its dead letter; a replay after the fix delivers it once.</summary>
public sealed class ExpiryAndReplayTests : IAsyncLifetime
{
    private AdapterHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await AdapterHarness.StartAsync(new Dictionary<string, string?>
    {
        ["Delivery:RetryHorizon"] = "00:00:01.500",
    });

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Outage_past_the_horizon_expires_with_history_and_replaying_twice_delivers_once()
    {
        _harness.SandboxFaults.Add(new FaultRule { Status = 500, Count = 10_000 });

        var id = await _harness.PostNativeAsync(HarnessRequests.UniqueRequest());
        var expired = await _harness.WaitForStateAsync(id, "expired");

        Assert.StartsWith("Expired:", expired.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        var deadLetter = await DeliveryFaultTests.FindDeadLetterAsync(_harness, AdapterHarness.JsonCaller, id);
        var history = deadLetter.GetProperty("message").GetProperty("history").EnumerateArray().ToList();
        // How many attempts fit in the horizon depends on the machine's speed; the schedule itself is unit-tested with a fake clock.
        Assert.NotEmpty(history);
        Assert.Equal(history.Count, expired.GetProperty("attempts").GetInt32());
        Assert.All(history, h => Assert.Equal(500, h.GetProperty("status").GetInt32()));

        _harness.SandboxFaults.Clear();
        var first = await ReplayAsync(id);
        Assert.Equal([id], Ids(first, "replayed"));
        var delivered = await _harness.WaitForStateAsync(id, "delivered");
        Assert.Equal(1, delivered.GetProperty("replays").GetInt32());

        var second = await ReplayAsync(id);
        Assert.Empty(Ids(second, "replayed"));
        Assert.Equal([id], Ids(second, "alreadyDelivered"));
        Assert.Equal(1, _harness.DeliveredCount(id));
        Assert.False(await _harness.DeadLetters().GetBlobClient($"{AdapterHarness.JsonCaller}/{id}.json").ExistsAsync());
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_retry_horizon_expires_the_request_with_a_reason_that_says_so()
    {
        // Longer than Paradox:MaxInCallRetryAfter, so not waited out in-call, and far past the 1.5 s horizon.
        _harness.SandboxFaults.Add(new FaultRule { Status = 429, RetryAfterSeconds = 120, Count = 1 });

        var id = await _harness.PostNativeAsync(HarnessRequests.UniqueRequest());
        var expired = await _harness.WaitForStateAsync(id, "expired");

        Assert.StartsWith("Expired: Paradox asked to wait 00:02:00 (Retry-After) before the next try, past the end of the retry horizon",
            expired.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(429, expired.GetProperty("lastHttpStatus").GetInt32());
        Assert.Equal(0, _harness.DeliveredCount(id));
        _harness.SandboxFaults.Clear();
    }

    private async Task<JsonElement> ReplayAsync(string id)
    {
        var response = await _harness.Client.PostAsJsonAsync("api/ops/dead-letters/replay", new { trackingIds = new[] { id } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string[] Ids(JsonElement answer, string list) => [.. answer.GetProperty(list).EnumerateArray().Select(e => e.GetString()!)];
}
