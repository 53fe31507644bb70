using InterviewAlerts.Infra.Tests.Support;

namespace InterviewAlerts.Infra.Tests;

/// <summary>The files around the templates: CI workflow, azd manifest, operator docs.</summary>
public sealed class DeliveryFilesTests
{
    private static string Read(params string[] path) => File.ReadAllText(RepoRoot.Combine(path));

    [Fact]
    public void CiWorkflow_SignsInWithOpenIdConnectAndStoresNoAzureSecret()
    {
        var workflow = Read(".github", "workflows", "ci-cd.yml");

        Assert.Contains("id-token: write", workflow, StringComparison.Ordinal);
        Assert.Contains("uses: azure/login@", workflow, StringComparison.Ordinal);
        Assert.Contains("client-id: ${{ vars.AZURE_CLIENT_ID }}", workflow, StringComparison.Ordinal);
        Assert.DoesNotContain("secrets.", workflow, StringComparison.Ordinal);
        Assert.DoesNotContain("creds:", workflow, StringComparison.Ordinal);
        Assert.Contains("bash .ci/run", workflow, StringComparison.Ordinal);
    }

    [Fact]
    public void AzdManifest_DeploysTheFunctionsProjectAsServiceApi()
    {
        var manifest = Read("azure.yaml");

        Assert.Contains("  api:", manifest, StringComparison.Ordinal);
        Assert.Contains("project: src/InterviewAlerts.Functions", manifest, StringComparison.Ordinal);
        Assert.Contains("host: function", manifest, StringComparison.Ordinal);
        Assert.Contains("path: infra", manifest, StringComparison.Ordinal);
        Assert.Contains("module: main", manifest, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Paradox--AccountId")]
    [InlineData("Paradox--Secret")]
    [InlineData("Callers--")]
    [InlineData("Key Vault Secrets Officer")]
    public void DeploymentGuide_NamesWhatTheOperatorMustSet(string text) =>
        Assert.Contains(text, Read("docs", "operators", "deployment.md"), StringComparison.Ordinal);

    [Fact]
    public void ScalingGuide_StatesTheConcurrencyFormula() =>
        Assert.Contains(
            "maximumInstanceCount × (batchSize + newBatchThreshold)",
            Read("docs", "operators", "scaling-and-concurrency.md"),
            StringComparison.Ordinal);
}
