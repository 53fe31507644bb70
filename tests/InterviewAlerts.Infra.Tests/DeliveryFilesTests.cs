using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InterviewAlerts.Infra.Tests.Support;

namespace InterviewAlerts.Infra.Tests;

/// <summary>The files around the templates: CI workflows, azd manifest and parameters, operator docs.</summary>
public sealed partial class DeliveryFilesTests
{
    private static string Read(params string[] path) => File.ReadAllText(RepoRoot.Combine(path));

    private static string CiWorkflow => Read(".github", "workflows", "ci-cd.yml");

    private static string DeployWorkflow => Read(".github", "workflows", "deploy.yml");

    [Fact]
    public void DeployWorkflow_SignsInWithOpenIdConnectAndStoresNoAzureSecret()
    {
        var workflow = DeployWorkflow;

        Assert.Contains("id-token: write", workflow, StringComparison.Ordinal);
        Assert.Contains("uses: azure/login@", workflow, StringComparison.Ordinal);
        Assert.Contains("client-id: ${{ vars.AZURE_CLIENT_ID }}", workflow, StringComparison.Ordinal);
        Assert.All([workflow, CiWorkflow], w =>
        {
            Assert.DoesNotContain("secrets.", w, StringComparison.Ordinal);
            Assert.DoesNotContain("creds:", w, StringComparison.Ordinal);
        });
        Assert.Contains("bash .ci/run", CiWorkflow, StringComparison.Ordinal);
    }

    [Fact]
    public void ProductionDeploy_RunsOnlyFromMainThroughTheProductionEnvironment()
    {
        var production = Job(CiWorkflow, "deploy-production");

        Assert.Contains("github.ref == 'refs/heads/main'", production, StringComparison.Ordinal);
        Assert.Contains("inputs.environment == 'production'", production, StringComparison.Ordinal);
        Assert.Contains("uses: ./.github/workflows/deploy.yml", production, StringComparison.Ordinal);
        Assert.Contains("environment: production", production, StringComparison.Ordinal);
        Assert.Contains($"parameters-file: {CompiledInfra.ProductionParameters}", production, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryDeployJob_IsGuardedByMainAndRunsInItsGitHubEnvironment()
    {
        var deployJobs = JobNames(CiWorkflow).Where(name => name.StartsWith("deploy", StringComparison.Ordinal)).ToList();

        Assert.Equal(["deploy-staging", "deploy-production"], deployJobs);
        Assert.All(deployJobs, name => Assert.Contains("github.ref == 'refs/heads/main'", Job(CiWorkflow, name), StringComparison.Ordinal));
        // Nothing but the reusable workflow signs in to Azure, and there every job runs in the caller's environment.
        Assert.DoesNotContain("azure/login", CiWorkflow, StringComparison.Ordinal);
        var deploy = Job(DeployWorkflow, "deploy");
        Assert.Contains("environment: ${{ inputs.environment }}", deploy, StringComparison.Ordinal);
        Assert.Contains("if: github.ref == 'refs/heads/main'", deploy, StringComparison.Ordinal);
        Assert.Contains("az deployment sub create", deploy, StringComparison.Ordinal);
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

    [Fact]
    public void AzdParameters_ReadTheAzdEnvironment()
    {
        var parameters = AzdParameters();

        Assert.Equal("${AZURE_ENV_NAME}", parameters["environmentName"]);
        Assert.Equal("${AZURE_LOCATION}", parameters["location"]);
        Assert.Equal("${AZURE_PRINCIPAL_ID}", parameters["operatorPrincipalId"]);
        // azd picks infra/main.bicepparam over main.parameters.json when both exist.
        Assert.False(File.Exists(RepoRoot.Combine("infra", "main.bicepparam")), "infra/main.bicepparam would hide main.parameters.json from azd.");
        Assert.DoesNotContain("infra/*.json", Read(".gitignore"), StringComparison.Ordinal);
    }

    [Fact]
    public void DeploymentGuide_NamesThePointerToCallersAndKeys()
    {
        var guide = Read("docs", "operators", "deployment.md");

        Assert.Contains("](callers-and-keys.md)", guide, StringComparison.Ordinal);
        Assert.DoesNotContain("function keys set", guide, StringComparison.Ordinal);
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

    internal static Dictionary<string, string> AzdParameters() =>
        JsonNode.Parse(Read("infra", "main.parameters.json"))!["parameters"]!.AsObject()
            .ToDictionary(p => p.Key, p => (string?)p.Value?["value"] ?? string.Empty);

    /// <summary>The text of one job (two-space indented key under "jobs:") of a workflow.</summary>
    private static string Job(string workflow, string name)
    {
        var match = Regex.Match(workflow, $@"(?ms)^  {Regex.Escape(name)}:\n(.*?)(?=^  [A-Za-z0-9_-]+:\n|\z)");
        Assert.True(match.Success, $"No job {name}.");
        return match.Groups[1].Value;
    }

    private static IEnumerable<string> JobNames(string workflow)
    {
        var jobs = workflow[(workflow.IndexOf("\njobs:\n", StringComparison.Ordinal) + 7)..];
        return JobKey().Matches(jobs).Select(m => m.Groups["name"].Value);
    }

    [GeneratedRegex(@"(?m)^  (?<name>[A-Za-z0-9_-]+):\n")]
    private static partial Regex JobKey();
}
