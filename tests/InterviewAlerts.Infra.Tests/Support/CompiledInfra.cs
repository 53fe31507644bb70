using System.Text.Json.Nodes;

namespace InterviewAlerts.Infra.Tests.Support;

/// <summary>
/// Lints and compiles infra/main.bicep and both parameter files once per test run (about 2 s each) and
/// shares the results with every test class of the "infra" collection.
/// </summary>
public sealed class CompiledInfra
{
    public const string StagingParameters = "infra/staging.bicepparam";
    public const string ProductionParameters = "infra/production.bicepparam";

    public static readonly string[] ParameterFiles = [StagingParameters, ProductionParameters];

    /// <summary>What the parameter files read from the environment (readEnvironmentVariable).</summary>
    private static readonly Dictionary<string, string> ParameterEnvironment = new() { ["AZURE_LOCATION"] = "eastus2" };

    private readonly Lazy<BicepResult> lint = new(() => BicepCli.Run("lint", "infra/main.bicep"));
    private readonly Lazy<(BicepResult Result, ArmTemplate? Template)> build = new(BuildMain);
    private readonly Dictionary<string, Lazy<(BicepResult Result, JsonObject? Parameters)>> parameters =
        ParameterFiles.ToDictionary(file => file, file => new Lazy<(BicepResult, JsonObject?)>(() => BuildParams(file)));

    internal BicepResult Lint => lint.Value;

    internal BicepResult BuildResult => build.Value.Result;

    /// <summary>The compiled ARM JSON of main.bicep, as text.</summary>
    internal string MainJson => BuildResult.StandardOutput;

    internal ArmTemplate Main => build.Value.Template
        ?? throw new InvalidOperationException($"bicep build failed:\n{BuildResult.StandardError}");

    internal BicepResult BuildParamsResult(string file) => parameters[file].Value.Result;

    /// <summary>The "parameters" object of the compiled parameter file.</summary>
    internal JsonObject Parameters(string file) => parameters[file].Value.Parameters
        ?? throw new InvalidOperationException($"bicep build-params {file} failed:\n{BuildParamsResult(file).StandardError}");

    private static (BicepResult, ArmTemplate?) BuildMain()
    {
        var result = BicepCli.Run("build", "infra/main.bicep", "--stdout");
        if (result.ExitCode != 0)
        {
            return (result, null);
        }

        return (result, new ArmTemplate(JsonNode.Parse(result.StandardOutput)!.AsObject()));
    }

    private static (BicepResult, JsonObject?) BuildParams(string file)
    {
        var result = BicepCli.Run(ParameterEnvironment, "build-params", file, "--stdout");
        if (result.ExitCode != 0)
        {
            return (result, null);
        }

        // --stdout prints {"parametersJson": "<ARM parameters file as a string>", ...}
        var envelope = JsonNode.Parse(result.StandardOutput)!.AsObject();
        var parametersJson = (string?)envelope["parametersJson"]
            ?? throw new InvalidOperationException($"No parametersJson in the output of build-params {file}.");
        return (result, JsonNode.Parse(parametersJson)!["parameters"]!.AsObject());
    }
}

[CollectionDefinition(Name)]
public sealed class InfraCollection : ICollectionFixture<CompiledInfra>
{
    public const string Name = "infra";
}
