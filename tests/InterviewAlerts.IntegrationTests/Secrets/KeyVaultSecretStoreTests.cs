using Azure;
using Azure.Security.KeyVault.Secrets;
using InterviewAlerts.Core.Secrets;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace InterviewAlerts.IntegrationTests.Secrets;

/// <summary><see cref="KeyVaultSecretStore"/> over a mocked <see cref="SecretClient"/>: naming, caching, invalidation, missing secrets.</summary>
public sealed class KeyVaultSecretStoreTests
{
    private static readonly TimeSpan CacheDuration = TimeSpan.FromMinutes(5);

    private readonly Mock<SecretClient> _client = new(MockBehavior.Strict);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly Dictionary<string, string> _vault = new(StringComparer.Ordinal);
    private readonly List<string> _reads = [];

    public KeyVaultSecretStoreTests()
    {
        _client.Setup(c => c.GetSecretAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<SecretContentType?>(), It.IsAny<CancellationToken>()))
            .Returns((string name, string _, SecretContentType? _, CancellationToken _) =>
            {
                _reads.Add(name);
                if (!_vault.TryGetValue(name, out var value)) throw new RequestFailedException(404, $"A secret with (name/id) {name} was not found in this key vault.", "SecretNotFound", null);
                var secret = SecretModelFactory.KeyVaultSecret(SecretModelFactory.SecretProperties(name: name), value);
                return Task.FromResult(Response.FromValue(secret, Mock.Of<Response>()));
            });
    }

    private KeyVaultSecretStore Store() => new(_client.Object, _clock, CacheDuration);

    [Theory]
    [InlineData("Paradox:Secret", "Paradox--Secret")]
    [InlineData("Paradox:AccountId", "Paradox--AccountId")]
    [InlineData("BrassRing:Callers:acme:Password", "BrassRing--Callers--acme--Password")]
    [InlineData("Plain", "Plain")]
    public void Configuration_names_map_to_vault_names_with_double_dashes(string name, string vaultName)
    {
        Assert.Equal(vaultName, KeyVaultSecretStore.VaultNameOf(name));
    }

    [Fact]
    public async Task A_secret_is_read_from_the_vault_under_its_vault_name()
    {
        _vault["Paradox--Secret"] = "s3cret";

        var value = await Store().GetSecretAsync("Paradox:Secret", CancellationToken.None);

        Assert.Equal("s3cret", value);
        Assert.Equal(["Paradox--Secret"], _reads);
    }

    [Fact]
    public async Task A_secret_is_served_from_the_cache_within_the_cache_duration_even_if_the_vault_changed()
    {
        _vault["Paradox--Secret"] = "old";
        var store = Store();
        await store.GetSecretAsync("Paradox:Secret", CancellationToken.None);

        _vault["Paradox--Secret"] = "new";
        _clock.Advance(CacheDuration - TimeSpan.FromSeconds(1));
        var value = await store.GetSecretAsync("Paradox:Secret", CancellationToken.None);

        Assert.Equal("old", value);
        Assert.Single(_reads);
    }

    [Fact]
    public async Task A_secret_is_read_again_once_the_cache_duration_has_passed()
    {
        _vault["Paradox--Secret"] = "old";
        var store = Store();
        await store.GetSecretAsync("Paradox:Secret", CancellationToken.None);

        _vault["Paradox--Secret"] = "new";
        _clock.Advance(CacheDuration);
        var value = await store.GetSecretAsync("Paradox:Secret", CancellationToken.None);

        Assert.Equal("new", value);
        Assert.Equal(2, _reads.Count);
    }

    [Fact]
    public async Task Invalidate_makes_the_next_read_go_to_the_vault_for_that_name_only()
    {
        _vault["Paradox--Secret"] = "old";
        _vault["Paradox--AccountId"] = "account";
        var store = Store();
        await store.GetSecretAsync("Paradox:Secret", CancellationToken.None);
        await store.GetSecretAsync("Paradox:AccountId", CancellationToken.None);

        _vault["Paradox--Secret"] = "new";
        store.Invalidate("Paradox:Secret");

        Assert.Equal("new", await store.GetSecretAsync("Paradox:Secret", CancellationToken.None));
        Assert.Equal("account", await store.GetSecretAsync("Paradox:AccountId", CancellationToken.None));
        Assert.Equal(["Paradox--Secret", "Paradox--AccountId", "Paradox--Secret"], _reads);
    }

    [Fact]
    public async Task A_secret_missing_from_the_vault_reads_as_null()
    {
        var value = await Store().GetSecretAsync("Paradox:Secret", CancellationToken.None);

        Assert.Null(value);
        Assert.Equal(["Paradox--Secret"], _reads);
    }

    [Fact]
    public async Task A_vault_failure_other_than_404_is_not_mistaken_for_a_missing_secret()
    {
        _client.Setup(c => c.GetSecretAsync("Paradox--Secret", It.IsAny<string>(), It.IsAny<SecretContentType?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(403, "Caller is not authorized.", "Forbidden", null));

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => Store().GetSecretAsync("Paradox:Secret", CancellationToken.None).AsTask());

        Assert.Equal(403, failure.Status);
    }
}
