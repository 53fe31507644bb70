using System.Text.Json.Nodes;
using InterviewAlerts.Infra.Tests.Support;

namespace InterviewAlerts.Infra.Tests;

[Collection(InfraCollection.Name)]
public sealed class LintAndBuildTests(CompiledInfra infra)
{
    [Fact]
    public void BicepLint_ReportsNoErrorsOrWarnings()
    {
        var lint = infra.Lint;

        Assert.True(lint.Diagnostics.Count == 0, "bicep lint:\n" + string.Join('\n', lint.Diagnostics));
        Assert.True(lint.ExitCode == 0, $"bicep lint exited {lint.ExitCode}:\n{lint.StandardError}");
    }

    [Fact]
    public void BicepBuild_CompilesMainTemplateOfflineWithoutWarnings()
    {
        Assert.True(infra.BuildResult.ExitCode == 0, infra.BuildResult.StandardError);
        Assert.Empty(infra.BuildResult.Diagnostics);
    }

    [Fact]
    public void MainTemplate_IsSubscriptionScoped_AsAzdExpects() =>
        Assert.Contains("/subscriptionDeploymentTemplate.json", (string?)infra.Main.Root.Template["$schema"], StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void BicepBuildParams_CompilesParameterFile(string file)
    {
        var result = infra.BuildParamsResult(file);

        Assert.True(result.ExitCode == 0, $"bicep build-params {file}:\n{result.StandardError}");
        Assert.True(result.Diagnostics.Count == 0, string.Join('\n', result.Diagnostics));
    }

    [Fact]
    public void BicepBuild_UsesOnlyLocalModules()
    {
        // br/public: and other registry modules cannot be restored offline; every module is a local file.
        var moduleRefs = Directory.GetFiles(RepoRoot.Combine("infra"), "*.bicep", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines)
            .Where(line => line.TrimStart().StartsWith("module ", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(moduleRefs);
        Assert.All(moduleRefs, line => Assert.Contains("'modules/", line, StringComparison.Ordinal));
    }

    public static TheoryData<string> ParameterFiles() => new(CompiledInfra.ParameterFiles);

    public static TheoryData<string> SecretSafetyRules() => new(
        "outputs-should-not-contain-secrets",
        "secure-parameter-default",
        "secure-params-in-nested-deploy",
        "secure-secrets-in-params",
        "use-secure-value-for-secure-inputs",
        "protect-commandtoexecute-secrets",
        "adminusername-should-not-be-literal",
        "no-hardcoded-env-urls");

    [Theory]
    [MemberData(nameof(SecretSafetyRules))]
    public void BicepConfig_SecretSafetyRuleIsAnError(string rule) =>
        Assert.Equal("error", RuleLevel(rule));

    [Fact]
    public void BicepConfig_UseRecentApiVersionsIsOnlyAWarning() =>
        // The rule depends on today's date: as an error it would turn a green build red with no change.
        Assert.Equal("warning", RuleLevel("use-recent-api-versions"));

    private static string? RuleLevel(string rule)
    {
        var config = JsonNode.Parse(File.ReadAllText(RepoRoot.Combine("infra", "bicepconfig.json")))!;
        return (string?)config["analyzers"]?["core"]?["rules"]?[rule]?["level"];
    }
}
