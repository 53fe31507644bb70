using InterviewAlerts.Core.Secrets;
using InterviewAlerts.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace InterviewAlerts.IntegrationTests.Secrets;

/// <summary>
/// <see cref="KeyVaultSecretStore"/> through the real <see cref="Azure.Security.KeyVault.Secrets.SecretClient"/> code path
/// (challenge-based bearer authentication, HTTPS, response parsing) against a loopback stand-in of Key Vault.
/// </summary>
public sealed class KeyVaultSecretClientTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly FakeTokenCredential _credential = new();
    private KeyVaultStandIn _vault = null!;

    public async Task InitializeAsync() => _vault = await KeyVaultStandIn.StartAsync();

    public async Task DisposeAsync() => await _vault.DisposeAsync();

    private KeyVaultSecretStore Store() => new(_vault.CreateClient(_credential), _clock, TimeSpan.FromMinutes(5));

    [Fact]
    public async Task The_real_SecretClient_answers_the_vault_challenge_with_a_bearer_token_and_reads_the_value()
    {
        _vault.SetSecret("Paradox--Secret", "from-the-vault");

        var value = await Store().GetSecretAsync("Paradox:Secret", CancellationToken.None);

        Assert.Equal("from-the-vault", value);
        var requests = _vault.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(("Paradox--Secret", null, 401), (requests[0].SecretName, requests[0].Authorization, requests[0].Status));
        Assert.Equal(("Paradox--Secret", $"Bearer {_credential.Token}", 200), (requests[1].SecretName, requests[1].Authorization, requests[1].Status));
        Assert.False(string.IsNullOrEmpty(requests[1].ApiVersion));
        var asked = Assert.Single(_credential.Requests);
        Assert.Equal(["https://vault.azure.net/.default"], asked.Scopes);
        Assert.Equal("00000000-0000-0000-0000-000000000000", asked.TenantId);
    }

    [Fact]
    public async Task A_rotated_secret_is_served_from_cache_until_invalidated_and_then_read_anew()
    {
        _vault.SetSecret("Paradox--Secret", "before-rotation");
        var store = Store();
        Assert.Equal("before-rotation", await store.GetSecretAsync("Paradox:Secret", CancellationToken.None));

        _vault.SetSecret("Paradox--Secret", "after-rotation");
        Assert.Equal("before-rotation", await store.GetSecretAsync("Paradox:Secret", CancellationToken.None));

        store.Invalidate("Paradox:Secret");
        Assert.Equal("after-rotation", await store.GetSecretAsync("Paradox:Secret", CancellationToken.None));
        Assert.Equal(2, _vault.Requests.Count(r => r.Status == 200));
    }

    [Fact]
    public async Task A_secret_the_vault_does_not_have_reads_as_null_through_the_real_client()
    {
        var value = await Store().GetSecretAsync("Paradox:AccountId", CancellationToken.None);

        Assert.Null(value);
        Assert.Equal(404, _vault.Requests[^1].Status);
        Assert.Equal("Paradox--AccountId", _vault.Requests[^1].SecretName);
    }
}
