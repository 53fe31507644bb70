using System.Text.Json.Nodes;
using InterviewAlerts.Infra.Tests.Support;

namespace InterviewAlerts.Infra.Tests;

[Collection(InfraCollection.Name)]
public sealed class ParameterFileTests(CompiledInfra infra)
{
    public static TheoryData<string> ParameterFiles() => new(CompiledInfra.ParameterFiles);

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void ParameterFile_SetsEveryParameterWithoutADefault(string file)
    {
        var given = infra.Parameters(file);
        var required = infra.Main.Root.Parameters
            .Where(p => p.Value is JsonObject declared && !declared.ContainsKey("defaultValue"))
            .Select(p => p.Key);

        Assert.All(required, name => Assert.True(given.ContainsKey(name), $"{file} does not set {name}."));
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void ParameterFile_SetsMaximumInstanceCountExplicitly(string file)
    {
        var value = (int?)infra.Parameters(file)["maximumInstanceCount"]?["value"];

        Assert.NotNull(value);
        Assert.InRange(value.Value, 1, 1000);
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void ParameterFile_ChoosesAKnownParadoxEnvironment(string file)
    {
        var allowed = infra.Main.Root.Parameters["paradoxEnvironment"]?["allowedValues"]?.AsArray().Select(v => (string?)v);
        var value = (string?)infra.Parameters(file)["paradoxEnvironment"]?["value"];

        Assert.Contains(value, allowed ?? []);
    }

    [Fact]
    public void ParameterFiles_DescribeDifferentEnvironments()
    {
        var names = CompiledInfra.ParameterFiles
            .Select(file => (string?)infra.Parameters(file)["environmentName"]?["value"])
            .ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public void ProductionParameterFile_TargetsParadoxProduction() =>
        Assert.EndsWith("-production", (string?)infra.Parameters(CompiledInfra.ProductionParameters)["paradoxEnvironment"]?["value"], StringComparison.Ordinal);
}
