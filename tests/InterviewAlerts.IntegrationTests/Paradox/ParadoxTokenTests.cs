using System.Net.Http.Json;
using System.Text.Json;
using InterviewAlerts.Core.Paradox;
using InterviewAlerts.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Paradox.Sandbox.Faults;

namespace InterviewAlerts.IntegrationTests.Paradox;

/// <summary>Token life cycle against the sandbox: single flight, refresh before expiry, one retry after a 401, and spacing under credential storms.</summary>
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
    public async Task A_401_for_a_token_that_never_worked_is_Transient_and_waits_for_the_next_allowed_token_request()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        using var adapter = ParadoxAdapter.Build(sandbox.Url);
        sandbox.Faults.Add(new FaultRule { Status = 401, Count = 10 });

        var outcome = await adapter.SendAsync("IA-401-FRESH");

        Assert.Equal(ParadoxOutcomeKind.Transient, outcome.Kind);
        Assert.Equal(401, outcome.HttpStatus);
        Assert.InRange(outcome.RetryAfter!.Value.TotalSeconds, 25, 30); // Paradox:TokenRequestInterval (30 s) from the token request
        Assert.Equal([401], sandbox.InterviewAlertArrivals.Select(a => a.Status));
        Assert.Equal(1, adapter.TokenProvider().TokenRequests);
        Assert.Empty(sandbox.Log.All());
    }

    [Fact]
    public async Task Refused_credentials_cost_one_token_request_per_interval_however_many_deliveries_ask_and_a_fixed_secret_delivers()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
        using var adapter = ParadoxAdapter.Build(sandbox.Url, o => o.TokenRequestInterval = TimeSpan.FromSeconds(30), time: clock);
        await RotateAsync(sandbox, "rotated-secret"); // the adapter still holds the old one

        var first = await SendManyAsync(adapter, "IA-STORM-A", 40);
        clock.Advance(TimeSpan.FromSeconds(29));
        var second = await SendManyAsync(adapter, "IA-STORM-B", 40);

        Assert.All(first.Concat(second), o => Assert.Equal(ParadoxOutcomeKind.Transient, o.Kind));
        Assert.All(second, o => Assert.Equal(TimeSpan.FromSeconds(1), o.RetryAfter)); // wait for the next allowed request
        Assert.Single(sandbox.Tokens.Requests);
        Assert.Empty(sandbox.InterviewAlertArrivals); // no PUT without a token

        clock.Advance(TimeSpan.FromSeconds(1));
        await SendManyAsync(adapter, "IA-STORM-C", 40);
        Assert.Equal(2, sandbox.Tokens.Requests.Count);

        await RotateAsync(sandbox, ParadoxAdapter.Secret); // fixed
        clock.Advance(TimeSpan.FromSeconds(30));
        var fixedOutcomes = await SendManyAsync(adapter, "IA-STORM-D", 40);

        Assert.All(fixedOutcomes, o => Assert.Equal(ParadoxOutcomeKind.Delivered, o.Kind));
        Assert.Equal(3, sandbox.Tokens.Requests.Count);
        Assert.Equal(40, sandbox.Log.All().Count);
    }

    [Fact]
    public async Task Paradox_answering_401_to_every_call_gets_one_token_request_per_interval_and_one_PUT_per_delivery()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
        using var adapter = ParadoxAdapter.Build(sandbox.Url, o => o.TokenRequestInterval = TimeSpan.FromSeconds(30), time: clock);
        sandbox.Faults.Add(new FaultRule { Status = 401, Count = 10_000 });

        var during = await SendManyAsync(adapter, "IA-401-A", 30);
        clock.Advance(TimeSpan.FromSeconds(10));
        during = [.. during, .. await SendManyAsync(adapter, "IA-401-B", 30)];

        Assert.All(during, o => Assert.Equal(ParadoxOutcomeKind.Transient, o.Kind));
        Assert.All(during, o => Assert.NotNull(o.RetryAfter));
        Assert.Single(sandbox.Tokens.Requests);
        Assert.All(sandbox.InterviewAlertArrivals, a => Assert.Equal(401, a.Status));
        Assert.InRange(sandbox.InterviewAlertArrivals.Count, 1, 30); // the first wave's token only; the second wave waits

        sandbox.Faults.Clear();
        clock.Advance(TimeSpan.FromSeconds(20));
        var after = await SendManyAsync(adapter, "IA-401-C", 30);

        Assert.All(after, o => Assert.Equal(ParadoxOutcomeKind.Delivered, o.Kind));
        Assert.Equal(2, sandbox.Tokens.Requests.Count);
    }

    private static async Task<ParadoxOutcome[]> SendManyAsync(IServiceProvider adapter, string prefix, int count) =>
        await Task.WhenAll(Enumerable.Range(0, count).Select(i => adapter.SendAsync($"{prefix}-{i:000}")));

    private static async Task RotateAsync(SandboxHost sandbox, string secret) =>
        (await sandbox.Control.PutAsJsonAsync("sandbox/account", new { accountId = ParadoxAdapter.AccountId, secret })).EnsureSuccessStatusCode();

    private static async Task<int> TokensIssuedAsync(SandboxHost sandbox)
    {
        var stats = await sandbox.Control.GetFromJsonAsync<JsonElement>("sandbox/stats");
        return stats.GetProperty("tokensIssued").GetInt32();
    }
}
