using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace InterviewAlerts.IntegrationTests.Infrastructure;

/// <summary>Small conveniences over the harness for delivery tests.</summary>
public static class HarnessRequests
{
    /// <summary>Posts a native request and returns its tracking id (asserting 202).</summary>
    public static async Task<string> PostNativeAsync(this AdapterHarness harness, string json)
    {
        var response = await harness.Client.PostAsync("api/interview-alerts", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>A valid native request unique to the caller (so idempotency does not merge test requests).</summary>
    public static string UniqueRequest(string? extra = null) =>
        $$"""{"ex_id":"T-{{Guid.NewGuid():N}}","interview_duration":30,"interview_type":2{{(extra is null ? "" : "," + extra)}}}""";

    /// <summary>Waits until the status endpoint reports one of the given states, and returns the status.</summary>
    public static async Task<JsonElement> WaitForStateAsync(this AdapterHarness harness, string trackingId, params string[] states)
    {
        JsonElement last = default;
        var status = await Eventually.ValueAsync(async () =>
        {
            var response = await harness.Client.GetAsync($"api/interview-alerts/{trackingId}");
            if (response.StatusCode == HttpStatusCode.NotFound) return null; // not recorded yet
            response.EnsureSuccessStatusCode();
            last = await response.Content.ReadFromJsonAsync<JsonElement>();
            return states.Contains(last.GetProperty("state").GetString()) ? (object)last : null;
        }, TimeSpan.FromSeconds(30), $"{trackingId} to reach {string.Join("/", states)}");
        return (JsonElement)status;
    }

    public static int DeliveredCount(this AdapterHarness harness, string trackingId) =>
        harness.SandboxRequests.All().Count(r => r.TrackingId == trackingId && r.Status == 200);
}
