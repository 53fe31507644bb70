using System.Text.RegularExpressions;
using InterviewAlerts.Infra.Tests.Support;

namespace InterviewAlerts.Infra.Tests;

/// <summary>The names the deployment guide tells operators to use exist in the compiled template and parameter files.</summary>
[Collection(InfraCollection.Name)]
public sealed partial class DeploymentGuideTests(CompiledInfra infra)
{
    private static readonly string Guide = File.ReadAllText(RepoRoot.Combine("docs", "operators", "deployment.md"));

    [Fact]
    public void OutputsTheGuideQueries_AreOutputsOfMain()
    {
        var used = OutputQuery().Matches(Guide).Select(m => m.Groups["name"].Value).Distinct().ToList();

        Assert.NotEmpty(used);
        Assert.All(used, name => Assert.True(infra.Main.Root.Outputs.ContainsKey(name), $"The guide queries output {name}, which main.bicep does not have."));
    }

    [Fact]
    public void ParametersTheGuideNames_AreParametersOfMain()
    {
        var parameters = BacktickedIdentifier().Matches(Guide).Select(m => m.Groups["name"].Value)
            .Where(name => name.Length > 3 && char.IsLower(name[0]) && name.Any(char.IsUpper))
            .Where(name => !IsOtherKnownName(name))
            .Distinct()
            .ToList();

        Assert.Contains("networkIsolation", parameters);
        Assert.All(parameters, name => Assert.True(
            infra.Main.Root.Parameters.ContainsKey(name) || infra.Main.Root.Outputs.ContainsKey(name),
            $"The guide names `{name}`, which is neither a parameter nor an output of main.bicep."));
    }

    [Fact]
    public void AzdSettingsTheGuideSets_AreReadByMainParametersJson()
    {
        var read = DeliveryFilesTests.AzdParameters().Values
            .Select(v => EnvReference().Match(v)).Where(m => m.Success).Select(m => m.Groups["name"].Value).ToHashSet();
        var set = AzdEnvSet().Matches(Guide).Select(m => m.Groups["name"].Value).Distinct().ToList();

        Assert.NotEmpty(set);
        Assert.All(set, name => Assert.True(read.Contains(name), $"The guide sets {name}, which infra/main.parameters.json does not read."));
    }

    [Fact]
    public void ProductionAzdEnvironment_MatchesTheProductionParameterFile()
    {
        // The block after "azd env new prod": each `azd env set NAME value` must give the production parameter value.
        var block = Guide[Guide.IndexOf("azd env new prod", StringComparison.Ordinal)..];
        block = block[..block.IndexOf("```", StringComparison.Ordinal)];
        var production = infra.Parameters(CompiledInfra.ProductionParameters);
        var byVariable = DeliveryFilesTests.AzdParameters()
            .Select(p => (Parameter: p.Key, Match: EnvReference().Match(p.Value)))
            .Where(p => p.Match.Success)
            .ToDictionary(p => p.Match.Groups["name"].Value, p => p.Parameter);

        var sets = AzdEnvSetWithValue().Matches(block).ToList();
        Assert.NotEmpty(sets);
        foreach (Match set in sets)
        {
            var parameter = byVariable[set.Groups["name"].Value];
            if (parameter == "location")
            {
                continue;
            }

            Assert.Equal(production[parameter]?["value"]?.ToString(), set.Groups["value"].Value);
        }
    }

    [Fact]
    public void AzdDefaults_AreTheStagingParameterFileValues()
    {
        var staging = infra.Parameters(CompiledInfra.StagingParameters);
        foreach (var (parameter, value) in DeliveryFilesTests.AzdParameters())
        {
            var match = EnvReference().Match(value);
            if (match.Success && match.Groups["default"].Success && staging.ContainsKey(parameter))
            {
                Assert.Equal(staging[parameter]?["value"]?.ToString(), match.Groups["default"].Value);
            }

            Assert.True(infra.Main.Root.Parameters.ContainsKey(parameter), $"main.parameters.json sets {parameter}, which main.bicep does not have.");
        }
    }

    [Theory]
    [InlineData("networkIsolation")]
    [InlineData("resourceGroupName")]
    [InlineData("location")]
    public void ParametersTheGuideExplains_Exist(string parameter) =>
        Assert.True(infra.Main.Root.Parameters.ContainsKey(parameter));

    [Fact]
    public void ResourceNamePrefixesInTheGuide_AreTheTemplatesOwn()
    {
        foreach (var prefix in new[] { "'rg-{0}'", "'id-{0}-{1}'", "'id-{0}-deploy-{1}'", "'func-{0}-{1}'", "'plan-{0}-{1}'", "'vnet-{0}-{1}'", "'log-{0}-{1}'", "'appi-{0}-{1}'", "'kv-{0}-{1}'" })
        {
            Assert.Contains(prefix, infra.MainJson, StringComparison.Ordinal);
        }

        Assert.Contains("`rg-<env>`", Guide, StringComparison.Ordinal);
        Assert.Contains("`id-intalerts-<env>-deploy-<suffix>`", Guide, StringComparison.Ordinal);
        Assert.Contains("`vnet-intalerts-<env>-<suffix>`", Guide, StringComparison.Ordinal);
    }

    /// <summary>camelCase names in the guide that are app settings, host.json keys or ARM property names, not template parameters.</summary>
    private static bool IsOtherKnownName(string name) => name is "allowSharedKeyAccess" or "batchSize" or "newBatchThreshold"
        or "maxDequeueCount" or "virtualNetworkSubnetId" or "defaultAction" or "alreadyDelivered" or "notFound" or "replayed"
        or "reasonCode" or "trackingIds" or "transactId"
        or "functionAppConfig.deployment.storage.authentication" or "webhookUrl" or "functionAppName" or "keyVaultName";

    [GeneratedRegex(@"properties\.outputs\.(?<name>[A-Za-z_]+)\.value")]
    private static partial Regex OutputQuery();

    [GeneratedRegex(@"`(?<name>[A-Za-z][A-Za-z0-9.]*)`")]
    private static partial Regex BacktickedIdentifier();

    [GeneratedRegex(@"^\$\{(?<name>[A-Z_]+)(=(?<default>[^}]*))?\}$")]
    private static partial Regex EnvReference();

    [GeneratedRegex(@"azd env set (?<name>[A-Z_]+)")]
    private static partial Regex AzdEnvSet();

    [GeneratedRegex(@"azd env set (?<name>[A-Z_]+) (?<value>\S+)")]
    private static partial Regex AzdEnvSetWithValue();
}
