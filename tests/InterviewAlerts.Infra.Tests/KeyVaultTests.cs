using InterviewAlerts.Infra.Tests.Support;

namespace InterviewAlerts.Infra.Tests;

[Collection(InfraCollection.Name)]
public sealed class KeyVaultTests(CompiledInfra infra)
{
    [Fact]
    public void Vault_UsesRbacAuthorization() =>
        Assert.True((bool?)infra.Vault().Evaluated("properties.enableRbacAuthorization") ?? false);

    [Fact]
    public void Vault_HasNoAccessPolicies() =>
        Assert.True((infra.Vault().Evaluated("properties.accessPolicies")?.AsArray().Count ?? 0) == 0);

    [Fact]
    public void Vault_EnablesSoftDelete() =>
        Assert.True((bool?)infra.Vault().Evaluated("properties.enableSoftDelete") ?? false);

    [Fact]
    public void Vault_EnablesPurgeProtection() =>
        Assert.True((bool?)infra.Vault().Evaluated("properties.enablePurgeProtection") ?? false);

    [Fact]
    public void Vault_CreatesNoSecrets() =>
        // Secret values are set by the operator after deployment, never in a template or parameter file.
        Assert.Empty(infra.Main.OfType("Microsoft.KeyVault/vaults/secrets"));

    [Fact]
    public void Vault_NameIsAnOutput() =>
        Assert.Contains("'keyvault'", (string?)infra.Main.Root.Outputs["keyVaultName"]?["value"], StringComparison.Ordinal);
}
