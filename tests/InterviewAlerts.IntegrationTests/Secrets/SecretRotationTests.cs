using System.Net.Http.Json;
using InterviewAlerts.Core.Paradox;
using InterviewAlerts.Core.Secrets;
using InterviewAlerts.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace InterviewAlerts.IntegrationTests.Secrets;

/// <summary>
/// Paradox rotates the account's secret: the adapter keeps its cached secret until Paradox refuses it, then
/// re-reads it from the vault once. Sandbox for Paradox, the Key Vault stand-in with the real SecretClient for secrets.
/// </summary>
public sealed class SecretRotationTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _vaultClock = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private KeyVaultStandIn _vault = null!;
    private SandboxHost _sandbox = null!;

    public async Task InitializeAsync()
    {
        _vault = await KeyVaultStandIn.StartAsync();
        _sandbox = await SandboxHost.StartAsync();
        _vault.SetSecret("Paradox--AccountId", "acct-7");
        _vault.SetSecret("Paradox--Secret", "secret-v1");
        await RotateParadoxSecretAsync("secret-v1");
    }

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        await _vault.DisposeAsync();
    }

    /// <summary>The vault-backed store as production builds it; its cache never expires during the test (frozen clock).</summary>
    private KeyVaultSecretStore VaultStore() => new(_vault.CreateClient(new FakeTokenCredential()), _vaultClock, TimeSpan.FromMinutes(5));

    private async Task RotateParadoxSecretAsync(string secret) =>
        (await _sandbox.Control.PutAsJsonAsync("sandbox/account", new { accountId = "acct-7", secret })).EnsureSuccessStatusCode();

    private int SecretReads => _vault.Requests.Count(r => r.SecretName == "Paradox--Secret" && r.Status == 200);

    [Fact]
    public async Task After_Paradox_rotates_the_secret_a_refused_token_request_re_reads_the_vault_once_and_succeeds_with_the_new_secret()
    {
        using var adapter = ParadoxAdapter.Build(_sandbox.Url, secrets: VaultStore());
        Assert.Equal(ParadoxOutcomeKind.Delivered, (await adapter.SendAsync("IA-BEFORE-ROTATION")).Kind);
        Assert.Equal(1, SecretReads);

        await RotateParadoxSecretAsync("secret-v2");
        _vault.SetSecret("Paradox--Secret", "secret-v2");
        _sandbox.Tokens.ExpireAll();
        var outcome = await adapter.SendAsync("IA-AFTER-ROTATION");

        Assert.Equal(ParadoxOutcomeKind.Delivered, outcome.Kind);
        Assert.Equal([200, 400, 200], _sandbox.TokenArrivals.Select(a => a.Status));
        Assert.Equal(2, SecretReads);
        Assert.Equal(3, adapter.TokenProvider().TokenRequests);
        Assert.Equal(["IA-BEFORE-ROTATION", "IA-AFTER-ROTATION"], _sandbox.Log.All().Select(r => r.TrackingId));
    }

    [Fact]
    public async Task While_the_vault_still_holds_the_old_secret_the_token_provider_gives_up_after_one_re_read()
    {
        using var adapter = ParadoxAdapter.Build(_sandbox.Url, secrets: VaultStore());
        await RotateParadoxSecretAsync("secret-v2");

        await Assert.ThrowsAsync<ParadoxCredentialsRejectedException>(() => adapter.TokenProvider().GetTokenAsync(CancellationToken.None).AsTask());

        // The re-read found the same secret: asking Paradox again with it would only be refused again.
        Assert.Equal([400], _sandbox.TokenArrivals.Select(a => a.Status));
        Assert.Equal(2, SecretReads);
    }

    [Fact]
    public async Task A_delivery_whose_credentials_Paradox_refuses_is_Transient_not_lost_and_goes_through_once_the_vault_is_updated()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var adapter = ParadoxAdapter.Build(_sandbox.Url, secrets: VaultStore(), time: clock);
        Assert.Equal(ParadoxOutcomeKind.Delivered, (await adapter.SendAsync("IA-1")).Kind);
        await RotateParadoxSecretAsync("secret-v2");
        _sandbox.Tokens.ExpireAll();

        var refused = await adapter.SendAsync("IA-2");

        Assert.Equal(ParadoxOutcomeKind.Transient, refused.Kind);
        Assert.False(refused.IsPermanentFailure);
        Assert.Contains("Paradox:Secret", refused.Detail, StringComparison.Ordinal);
        Assert.Equal([200, 400], _sandbox.TokenArrivals.Select(a => a.Status));

        _vault.SetSecret("Paradox--Secret", "secret-v2");
        clock.Advance(TimeSpan.FromSeconds(30)); // Paradox:TokenRequestInterval: the next token request is allowed
        var retried = await adapter.SendAsync("IA-2");

        Assert.Equal(ParadoxOutcomeKind.Delivered, retried.Kind);
        Assert.Equal([200, 400, 400, 200], _sandbox.TokenArrivals.Select(a => a.Status));
        Assert.Equal(["IA-1", "IA-2"], _sandbox.Log.All().Select(r => r.TrackingId));
    }

    [Theory]
    [InlineData(403)]
    [InlineData(500)]
    public async Task A_vault_that_cannot_be_read_makes_the_delivery_Transient_instead_of_throwing(int status)
    {
        using var adapter = ParadoxAdapter.Build(_sandbox.Url, secrets: VaultStore());
        _vault.FailWithStatus = status;

        var outcome = await adapter.SendAsync("IA-VAULT-DOWN");

        Assert.Equal(ParadoxOutcomeKind.Transient, outcome.Kind);
        Assert.Null(outcome.HttpStatus);
        Assert.Equal($"The Paradox credentials could not be read from the secret store (HTTP {status}); will retry.", outcome.Detail);
        Assert.Empty(_sandbox.TokenArrivals);

        _vault.FailWithStatus = null;
        Assert.Equal(ParadoxOutcomeKind.Delivered, (await adapter.SendAsync("IA-VAULT-DOWN")).Kind);
    }

    [Fact]
    public async Task The_sandbox_refuses_the_old_secret_and_accepts_the_new_one_after_PUT_sandbox_account()
    {
        using var oldSecret = ParadoxAdapter.Build(_sandbox.Url, secrets: ParadoxAdapter.ConfiguredSecrets("acct-7", "secret-v1"));
        Assert.Equal(ParadoxOutcomeKind.Delivered, (await oldSecret.SendAsync("IA-OLD")).Kind);

        await RotateParadoxSecretAsync("secret-v2");
        using var stillOld = ParadoxAdapter.Build(_sandbox.Url, secrets: ParadoxAdapter.ConfiguredSecrets("acct-7", "secret-v1"));
        using var rotated = ParadoxAdapter.Build(_sandbox.Url, secrets: ParadoxAdapter.ConfiguredSecrets("acct-7", "secret-v2"));

        Assert.Equal(ParadoxOutcomeKind.Transient, (await stillOld.SendAsync("IA-STILL-OLD")).Kind);
        Assert.Equal(ParadoxOutcomeKind.Delivered, (await rotated.SendAsync("IA-ROTATED")).Kind);
        var badRequest = await _sandbox.Control.PutAsJsonAsync("sandbox/account", new { accountId = "acct-7", secret = "" });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, badRequest.StatusCode);
    }
}
