using System.Text.Json.Nodes;
using InterviewAlerts.Infra.Tests.Support;

namespace InterviewAlerts.Infra.Tests;

[Collection(InfraCollection.Name)]
public sealed class NetworkIsolationTests(CompiledInfra infra)
{
    private static readonly Dictionary<string, JsonNode?> Private = new() { ["networkIsolation"] = JsonValue.Create("private") };
    private static readonly Dictionary<string, JsonNode?> Public = new() { ["networkIsolation"] = JsonValue.Create("public") };

    [Fact]
    public void NetworkIsolation_DefaultsToPublicAndAllowsOnlyTheTwoModes()
    {
        var parameter = infra.Main.Root.Parameters["networkIsolation"];

        Assert.Equal("public", (string?)parameter?["defaultValue"]);
        Assert.Equal(["public", "private"], parameter?["allowedValues"]?.AsArray().Select(v => (string?)v));
    }

    [Theory]
    [InlineData(CompiledInfra.StagingParameters, "public")]
    [InlineData(CompiledInfra.ProductionParameters, "private")]
    public void ParameterFile_ChoosesItsNetworkIsolation(string file, string mode) =>
        Assert.Equal(mode, (string?)infra.Parameters(file)["networkIsolation"]?["value"]);

    [Theory]
    [InlineData(InfraFacts.StorageAccountType)]
    [InlineData(InfraFacts.VaultType)]
    public void PrivateMode_TurnsPublicNetworkAccessOffAndDeniesByDefault(string type)
    {
        var resource = infra.Main.Single(type);

        Assert.Equal("Disabled", Evaluate(resource, "properties.publicNetworkAccess", Private));
        Assert.Equal("Deny", Evaluate(resource, "properties.networkAcls.defaultAction", Private));
        Assert.Contains("AzureServices", Evaluate(resource, "properties.networkAcls.bypass", Private), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(InfraFacts.StorageAccountType)]
    [InlineData(InfraFacts.VaultType)]
    public void PublicMode_KeepsThePublicEndpointTheAppNeeds(string type)
    {
        var resource = infra.Main.Single(type);

        Assert.Equal("Enabled", Evaluate(resource, "properties.publicNetworkAccess", Public));
        Assert.Equal("Allow", Evaluate(resource, "properties.networkAcls.defaultAction", Public));
    }

    [Fact]
    public void NetworkModule_IsDeployedOnlyInPrivateMode()
    {
        var condition = infra.Main.Module("network").Deployment?["condition"];

        Assert.Equal("true", ArmEvaluator.Evaluate(condition, infra.Main.Root, Private)?.ToJsonString());
        Assert.Equal("false", ArmEvaluator.Evaluate(condition, infra.Main.Root, Public)?.ToJsonString());
    }

    [Fact]
    public void AppSubnet_IsDelegatedToMicrosoftAppEnvironments()
    {
        var subnets = infra.Main.Single("Microsoft.Network/virtualNetworks").Evaluated("properties.subnets")?.AsArray() ?? [];
        var app = subnets.Single(s => (string?)s?["name"] == "app");

        Assert.Equal("Microsoft.App/environments", (string?)app?["properties"]?["delegations"]?[0]?["properties"]?["serviceName"]);
        // Outbound to Paradox and Application Insights: explicit, through the NAT gateway.
        Assert.Contains("Microsoft.Network/natGateways", app?["properties"]?["natGateway"]?["id"]?.ToString(), StringComparison.Ordinal);
        Assert.False((bool?)app?["properties"]?["defaultOutboundAccess"] ?? true);
        Assert.Contains(subnets, s => (string?)s?["name"] == "private-endpoints");
    }

    [Fact]
    public void PrivateEndpoints_CoverBlobQueueTableAndVault_WithTheirPrivateDnsZones()
    {
        var network = infra.Main.Module("network");
        var endpoints = ArmEvaluator.Evaluate(network.Variables["endpoints"], network)?.AsArray() ?? [];

        Assert.Equal(
            [
                "blob privatelink.blob.[environment().suffixes.storage]",
                "queue privatelink.queue.[environment().suffixes.storage]",
                "table privatelink.table.[environment().suffixes.storage]",
                "vault privatelink[replace(environment().suffixes.keyvaultDns, '.vault.', '.vaultcore.')]",
            ],
            endpoints.Select(e => $"{e?["groupId"]} {e?["zone"]}"));
        Assert.Equal("[length(variables('endpoints'))]", (string?)infra.Main.Single("Microsoft.Network/privateEndpoints").Json["copy"]?["count"]);
        Assert.Equal("[length(variables('endpoints'))]", (string?)infra.Main.Single("Microsoft.Network/privateDnsZones").Json["copy"]?["count"]);
        Assert.Equal("[length(variables('endpoints'))]", (string?)infra.Main.Single("Microsoft.Network/privateDnsZones/virtualNetworkLinks").Json["copy"]?["count"]);
        Assert.Equal("[length(variables('endpoints'))]", (string?)infra.Main.Single("Microsoft.Network/privateEndpoints/privateDnsZoneGroups").Json["copy"]?["count"]);
    }

    [Fact]
    public void Site_JoinsTheAppSubnetOnlyInPrivateMode()
    {
        var passed = infra.Site().Scope.PassedParameters?["appSubnetId"];

        var whenPrivate = ArmEvaluator.Evaluate(passed, infra.Main.Root, Private)?["value"]?.ToString() ?? string.Empty;
        Assert.Contains("'network'", whenPrivate, StringComparison.Ordinal);
        Assert.Contains("outputs.appSubnetId.value", whenPrivate, StringComparison.Ordinal);
        Assert.Equal(string.Empty, ArmEvaluator.Evaluate(passed, infra.Main.Root, Public)?["value"]?.ToString());
        Assert.Equal("[if(empty(parameters('appSubnetId')), null(), parameters('appSubnetId'))]", (string?)infra.Site().Raw("properties.virtualNetworkSubnetId"));
    }

    private static string Evaluate(ArmResource resource, string path, IReadOnlyDictionary<string, JsonNode?> parameters) =>
        ArmEvaluator.Evaluate(resource.Raw(path), resource.Scope, parameters)?.ToString() ?? string.Empty;
}
