using System.Text.Json.Nodes;
using InterviewAlerts.Infra.Tests.Support;

namespace InterviewAlerts.Infra.Tests;

[Collection(InfraCollection.Name)]
public sealed class FunctionAppTests(CompiledInfra infra)
{
    [Fact]
    public void Plan_IsFlexConsumptionFC1()
    {
        var plan = infra.Plan();

        Assert.Equal("FC1", (string?)plan.Evaluated("sku.name"));
        Assert.Equal("FlexConsumption", (string?)plan.Evaluated("sku.tier"));
    }

    [Fact]
    public void Plan_IsLinux() =>
        Assert.True((bool?)infra.Plan().Evaluated("properties.reserved") ?? false);

    [Fact]
    public void Site_IsLinuxFunctionApp() =>
        Assert.Equal("functionapp,linux", (string?)infra.Site().Evaluated("kind"));

    [Fact]
    public void Site_RunsOnTheFlexPlan() =>
        Assert.Contains("Microsoft.Web/serverfarms/", infra.Site().Evaluated("properties.serverFarmId")?.ToString(), StringComparison.Ordinal);

    [Fact]
    public void Runtime_IsDotnetIsolated10()
    {
        var runtime = infra.Site().Evaluated("properties.functionAppConfig.runtime");

        Assert.Equal("dotnet-isolated", (string?)runtime?["name"]);
        Assert.Equal("10.0", (string?)runtime?["version"]);
    }

    [Theory]
    [InlineData("maximumInstanceCount")]
    [InlineData("instanceMemoryMB")]
    public void ScaleAndConcurrency_IsAParameterOfMain(string setting)
    {
        var site = infra.Site();
        var moduleValue = (string?)site.Raw($"properties.functionAppConfig.scaleAndConcurrency.{setting}");
        Assert.Equal($"[parameters('{setting}')]", moduleValue);

        // …passed straight through from a parameter of main.bicep of the same name.
        var passed = (string?)site.Scope.PassedParameters?[setting]?["value"];
        Assert.Equal($"[parameters('{setting}')]", passed);
        Assert.True(infra.Main.Root.Parameters.ContainsKey(setting), $"main.bicep has no parameter {setting}.");
    }

    [Fact]
    public void HttpPerInstanceConcurrency_EqualsTheHostsConcurrentRequestLimit()
    {
        var hostJson = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "host.json")))!;
        var hostLimit = (int?)hostJson["extensions"]?["http"]?["maxConcurrentRequests"];

        var perInstance = (int?)infra.Site().Evaluated("properties.functionAppConfig.scaleAndConcurrency.triggers.http.perInstanceConcurrency");

        Assert.NotNull(hostLimit);
        Assert.Equal(hostLimit, perInstance);
    }

    [Fact]
    public void DeploymentStorage_IsTheBlobContainerWithUserAssignedIdentity()
    {
        var storage = infra.Site().Evaluated("properties.functionAppConfig.deployment.storage");

        Assert.Equal("blobContainer", (string?)storage?["type"]);
        var url = storage?["value"]?.ToString() ?? string.Empty;
        Assert.StartsWith("https://", url, StringComparison.Ordinal);
        Assert.Contains(".blob.[environment().suffixes.storage]", url, StringComparison.Ordinal);
        Assert.EndsWith("/app-package", url, StringComparison.Ordinal);
        Assert.Equal("UserAssignedIdentity", (string?)storage?["authentication"]?["type"]);
        var identityId = storage?["authentication"]?["userAssignedIdentityResourceId"]?.ToString() ?? string.Empty;
        Assert.Contains("'identity'", identityId, StringComparison.Ordinal);
        Assert.Contains("outputs.deploymentIdentityId.value", identityId, StringComparison.Ordinal);
    }

    [Fact]
    public void Site_UsesOnlyTheAppAndDeploymentUserAssignedIdentities()
    {
        var identity = infra.Site().Evaluated("identity");

        Assert.Equal("UserAssigned", (string?)identity?["type"]);
        var identities = identity?["userAssignedIdentities"]?.AsObject().Select(i => i.Key).ToList() ?? [];
        Assert.Equal(2, identities.Count);
        Assert.Contains(identities, id => id.Contains("parameters('appIdentityId')", StringComparison.Ordinal));
        Assert.Contains(identities, id => id.Contains("parameters('deploymentIdentityId')", StringComparison.Ordinal));
    }

    [Fact]
    public void Site_IsHttpsOnly() =>
        Assert.True((bool?)infra.Site().Evaluated("properties.httpsOnly") ?? false);

    [Fact]
    public void Site_DisablesFtps() =>
        Assert.Equal("Disabled", (string?)infra.Site().Evaluated("properties.siteConfig.ftpsState"));

    [Fact]
    public void Site_RequiresTls12() =>
        Assert.Equal("1.2", (string?)infra.Site().Evaluated("properties.siteConfig.minTlsVersion"));

    [Fact]
    public void Site_ScmRequiresTls12() =>
        Assert.Equal("1.2", (string?)infra.Site().Evaluated("properties.siteConfig.scmMinTlsVersion"));

    [Theory]
    [InlineData("ftp")]
    [InlineData("scm")]
    public void BasicPublishingCredentials_AreDisabled(string policy)
    {
        var match = infra.Main.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies")
            .SingleOrDefault(r => ArmEvaluator.Names(r).Single().EndsWith($"/{policy}", StringComparison.Ordinal));

        Assert.True(match is not null, $"No basicPublishingCredentialsPolicies '{policy}'.");
        Assert.False((bool?)match.Evaluated("properties.allow") ?? true);
    }

    [Fact]
    public void Site_IsTaggedForAzd() =>
        Assert.Contains("'azd-service-name', 'api'", (string?)infra.Site().Raw("tags"), StringComparison.Ordinal);
}

[Collection(InfraCollection.Name)]
public sealed class AppSettingsTests(CompiledInfra infra)
{
    private JsonObject Settings => infra.AppSettings();

    [Fact]
    public void AzureWebJobsStorage_UsesManagedIdentity() =>
        Assert.Equal("managedidentity", Settings.Setting("AzureWebJobsStorage__credential"));

    [Fact]
    public void AzureWebJobsStorage_UsesTheUserAssignedIdentityClientId()
    {
        var clientId = Settings.Setting("AzureWebJobsStorage__clientId");

        Assert.Contains("outputs.appIdentityClientId", clientId, StringComparison.Ordinal);
        Assert.Equal(clientId, Settings.Setting("AZURE_CLIENT_ID"));
    }

    [Theory]
    [InlineData("blob")]
    [InlineData("queue")]
    [InlineData("table")]
    public void AzureWebJobsStorage_ServiceUriIsBuiltFromTheCloudSuffix(string service)
    {
        var uri = Settings.Setting($"AzureWebJobsStorage__{service}ServiceUri");

        Assert.StartsWith("https://", uri, StringComparison.Ordinal);
        Assert.EndsWith($".{service}.[environment().suffixes.storage]", uri, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureWebJobsStorage_HasNoConnectionString()
    {
        Assert.False(Settings.ContainsKey("AzureWebJobsStorage"), "A plain AzureWebJobsStorage setting is a connection string.");
        Assert.DoesNotContain(Settings, s => s.Key.Contains("CONNECTIONSTRING", StringComparison.OrdinalIgnoreCase)
            && s.Key != "APPLICATIONINSIGHTS_CONNECTION_STRING");
    }

    [Fact]
    public void FunctionsWorkerRuntime_IsNotSetOnFlex() =>
        Assert.False(Settings.ContainsKey("FUNCTIONS_WORKER_RUNTIME"));

    [Fact]
    public void KeyVaultUri_ComesFromTheVault() =>
        Assert.Contains("outputs.uri", Settings.Setting("KeyVault__VaultUri"), StringComparison.Ordinal);

    [Fact]
    public void ParadoxEnvironment_DefaultsToUsStaging() =>
        Assert.Equal("us-staging", Settings.Setting("Paradox__Environment"));

    [Fact]
    public void ParadoxEnvironment_AllowsOnlyKnownEnvironments()
    {
        var allowed = infra.Main.Root.Parameters["paradoxEnvironment"]?["allowedValues"]?.AsArray()
            .Select(v => (string?)v).ToList();

        Assert.Equal(["us-production", "us-staging", "us-test", "us-dev", "eu-production", "eu-staging"], allowed);
    }

    [Fact]
    public void ParadoxBaseUrl_IsNotSetByDefault() =>
        Assert.False(Settings.ContainsKey("Paradox__BaseUrl"));

    [Fact]
    public void ParadoxBaseUrl_IsSetWhenTheParameterIsGiven()
    {
        var settings = infra.AppSettings(new Dictionary<string, JsonNode?>
        {
            ["paradoxBaseUrl"] = JsonValue.Create("https://paradox.example.test"),
        });

        Assert.Equal("https://paradox.example.test", settings.Setting("Paradox__BaseUrl"));
    }

    [Fact]
    public void BrassRingMappingsFile_NamesTheFileShippedWithTheApp() =>
        Assert.Equal("config/brassring-mappings.json", Settings.Setting("BrassRing__MappingsFile"));

    [Fact]
    public void DeliveryRetryHorizon_DefaultsToOneDay() =>
        Assert.Equal("1.00:00:00", Settings.Setting("Delivery__RetryHorizon"));

    [Fact]
    public void ApplicationInsightsConnectionString_IsReadFromTheComponent()
    {
        var value = Settings.Setting("APPLICATIONINSIGHTS_CONNECTION_STRING");

        Assert.Contains("Microsoft.Insights/components", value, StringComparison.Ordinal);
        Assert.EndsWith(".ConnectionString]", value, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplicationInsightsAuthentication_IsEntraIdWithTheManagedIdentity() =>
        Assert.Equal(
            $"Authorization=AAD;ClientId={Settings.Setting("AzureWebJobsStorage__clientId")}",
            Settings.Setting("APPLICATIONINSIGHTS_AUTHENTICATION_STRING"));

    [Fact]
    public void OtelServiceName_IsSet() =>
        Assert.False(string.IsNullOrWhiteSpace(Settings.Setting("OTEL_SERVICE_NAME")));
}
