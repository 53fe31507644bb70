using System.Net.Http.Json;
using InterviewAlerts.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace InterviewAlerts.IntegrationTests.Delivery;

/// <summary>
/// A rotated secret the adapter does not know yet, with many requests queued: token requests stay one per
/// Paradox:TokenRequestInterval (counted at the sandbox), deliveries are re-scheduled meanwhile, and once the secret
/// is fixed every request is delivered once.
/// </summary>
public sealed class CredentialStormTests : IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private AdapterHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await AdapterHarness.StartAsync(new Dictionary<string, string?>
    {
        ["Paradox:TokenRequestInterval"] = "00:00:01",
    });

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Refused_credentials_cost_one_token_request_per_interval_and_deliveries_resume_once_the_secret_is_fixed()
    {
        using var sandboxControl = new HttpClient { BaseAddress = _harness.SandboxUrl };
        (await sandboxControl.PutAsJsonAsync("sandbox/account", new { accountId = "sandbox-account", secret = "rotated-secret-3" })).EnsureSuccessStatusCode();

        var ids = new List<string>();
        for (var i = 0; i < 8; i++) ids.Add(await _harness.PostNativeAsync(HarnessRequests.UniqueRequest()));

        // Let the storm run for several intervals: every message is retried again and again meanwhile.
        var requests = await Eventually.ValueAsync(
            () => _harness.SandboxTokens.Requests is { Count: >= 4 } seen ? seen : null, TimeSpan.FromSeconds(30), "four token requests");
        var gaps = requests.Zip(requests.Skip(1), (a, b) => b - a).ToList();
        Assert.All(gaps, gap => Assert.True(gap >= Interval * 0.9, $"token requests {gap.TotalMilliseconds:0} ms apart"));
        Assert.All(ids, id => Assert.Equal(0, _harness.DeliveredCount(id)));
        var waiting = await _harness.GetStatusAsync(ids[0]);
        Assert.Contains("client credentials", waiting.GetProperty("lastError").GetString(), StringComparison.Ordinal);

        ((IConfigurationRoot)_harness.Adapter.Configuration)["Paradox:Secret"] = "rotated-secret-3";
        foreach (var id in ids) await _harness.WaitForStateAsync(id, "delivered");

        Assert.All(ids, id => Assert.Equal(1, _harness.DeliveredCount(id)));
    }
}
