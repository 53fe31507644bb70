using System.Net.Http.Json;
using System.Text.Json;
using InterviewAlerts.Core.Paradox;
using InterviewAlerts.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Paradox.Sandbox.Faults;

namespace InterviewAlerts.Functions.Tests.Paradox;

/// <summary>Token life cycle against the sandbox: single flight, refresh before expiry, and one retry after a 401.</summary>
public sealed class ParadoxTokenTests
{
    [Fact]
    public async Task One_hundred_concurrent_deliveries_share_a_single_token_request()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        using var adapter = ParadoxAdapter.Build(sandbox.Url);
        // A slow token endpoint keeps the first request in flight while the other 99 callers ask for a token.
        sandbox.Faults.Add(new FaultRule { Target = FaultTarget.Token, DelayMilliseconds = 300 });

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => adapter.SendAsync($"IA-CONCURRENT-{i:000}")));

        Assert.All(outcomes, o => Assert.Equal(ParadoxOutcomeKind.Delivered, o.Kind));
        Assert.Equal(1, await TokensIssuedAsync(sandbox));
        Assert.Equal(1, adapter.TokenProvider().TokenRequests);
        var recorded = sandbox.Log.All();
        Assert.Equal(100, recorded.Select(r => r.TrackingId).Distinct().Count());
        Assert.Single(recorded.Select(r => r.BearerToken).Distinct());
    }

    [Fact]
    public async Task The_token_is_reused_until_expiry_minus_the_refresh_margin_and_refreshed_from_then_on()
    {
        await using var sandbox = await SandboxHost.StartAsync("--Sandbox:TokenLifetimeSeconds=300");
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
        using var adapter = ParadoxAdapter.Build(sandbox.Url, o => o.TokenRefreshMargin = TimeSpan.FromSeconds(60), time: clock);

        Assert.Equal(ParadoxOutcomeKind.Delivered, (await adapter.SendAsync("IA-T0")).Kind);
        clock.Advance(TimeSpan.FromSeconds(239));
        Assert.Equal(ParadoxOutcomeKind.Delivered, (await adapter.SendAsync("IA-T239")).Kind);
        Assert.Equal(1, adapter.TokenProvider().TokenRequests);

        clock.Advance(TimeSpan.FromSeconds(1)); // 300 s lifetime - 60 s margin
        Assert.Equal(ParadoxOutcomeKind.Delivered, (await adapter.SendAsync("IA-T240")).Kind);
        Assert.Equal(ParadoxOutcomeKind.Delivered, (await adapter.SendAsync("IA-T240-AGAIN")).Kind);

        Assert.Equal(2, adapter.TokenProvider().TokenRequests);
        Assert.Equal(2, sandbox.Tokens.IssuedCount);
        var tokens = sandbox.Log.All().Select(r => r.BearerToken).ToList();
        Assert.Equal(tokens[0], tokens[1]);
        Assert.NotEqual(tokens[1], tokens[2]);
        Assert.Equal(tokens[2], tokens[3]);
    }

    [Fact]
    public async Task A_token_living_shorter_than_the_refresh_margin_is_still_reused_until_half_its_lifetime()
    {
        await using var sandbox = await SandboxHost.StartAsync("--Sandbox:TokenLifetimeSeconds=40");
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
        using var adapter = ParadoxAdapter.Build(sandbox.Url, o => o.TokenRefreshMargin = TimeSpan.FromSeconds(60), time: clock);

        await adapter.SendAsync("IA-SHORT-1");
        await adapter.SendAsync("IA-SHORT-2");
        clock.Advance(TimeSpan.FromSeconds(19));
        await adapter.SendAsync("IA-SHORT-3");
        Assert.Equal(1, adapter.TokenProvider().TokenRequests);

        clock.Advance(TimeSpan.FromSeconds(1));
        await adapter.SendAsync("IA-SHORT-4");
        Assert.Equal(2, adapter.TokenProvider().TokenRequests);
        Assert.Equal(4, sandbox.Log.All().Count);
    }

    [Fact]
    public async Task An_expired_token_answered_401_is_invalidated_and_the_call_retried_once_with_one_new_token()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        using var adapter = ParadoxAdapter.Build(sandbox.Url);
        Assert.Equal(ParadoxOutcomeKind.Delivered, (await adapter.SendAsync("IA-FIRST")).Kind);

        (await sandbox.Control.PostAsync("sandbox/tokens/expire", null)).EnsureSuccessStatusCode();
        var outcome = await adapter.SendAsync("IA-AFTER-EXPIRY");

        Assert.Equal(ParadoxOutcomeKind.Delivered, outcome.Kind);
        Assert.Equal([200, 401, 200], sandbox.InterviewAlertArrivals.Select(a => a.Status));
        Assert.Equal(2, adapter.TokenProvider().TokenRequests);
        Assert.Equal(2, await TokensIssuedAsync(sandbox));
        var recorded = sandbox.Log.All();
        Assert.Equal(["IA-FIRST", "IA-AFTER-EXPIRY"], recorded.Select(r => r.TrackingId));
        Assert.NotEqual(recorded[0].BearerToken, recorded[1].BearerToken);
    }

    [Fact]
    public async Task After_an_expiry_one_hundred_concurrent_401s_fetch_a_single_new_token()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        using var adapter = ParadoxAdapter.Build(sandbox.Url);
        await adapter.SendAsync("IA-WARM-UP");
        sandbox.Tokens.ExpireAll();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => adapter.SendAsync($"IA-EXPIRED-{i:000}")));

        Assert.All(outcomes, o => Assert.Equal(ParadoxOutcomeKind.Delivered, o.Kind));
        Assert.Equal(2, sandbox.Tokens.IssuedCount);
        Assert.Equal(2, adapter.TokenProvider().TokenRequests);
        Assert.Equal(101, sandbox.Log.All().Count);
    }

    [Fact]
    public async Task A_401_on_the_retry_as_well_is_Transient_and_not_retried_again()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        using var adapter = ParadoxAdapter.Build(sandbox.Url);
        sandbox.Faults.Add(new FaultRule { Status = 401, Count = 10 });

        var outcome = await adapter.SendAsync("IA-401-TWICE");

        Assert.Equal(ParadoxOutcomeKind.Transient, outcome.Kind);
        Assert.Equal(401, outcome.HttpStatus);
        Assert.Equal([401, 401], sandbox.InterviewAlertArrivals.Select(a => a.Status));
        Assert.Equal(2, adapter.TokenProvider().TokenRequests);
        Assert.Empty(sandbox.Log.All());
    }

    private static async Task<int> TokensIssuedAsync(SandboxHost sandbox)
    {
        var stats = await sandbox.Control.GetFromJsonAsync<JsonElement>("sandbox/stats");
        return stats.GetProperty("tokensIssued").GetInt32();
    }
}
