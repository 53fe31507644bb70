using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InterviewAlerts.Infra.Tests.Support;

namespace InterviewAlerts.Infra.Tests;

[Collection(InfraCollection.Name)]
public sealed partial class SecretSafetyTests(CompiledInfra infra)
{
    private static readonly string[] SecretMarkers =
    [
        "AccountKey", "SharedAccessSignature", "SharedAccessKey", "InstrumentationKey=", "primaryKey",
        "secondaryKey", "password", "code=", "x-functions-key",
    ];

    [Fact]
    public void CompiledTemplate_ContainsNoAccountKey() =>
        Assert.DoesNotContain("AccountKey", infra.MainJson, StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void CompiledTemplate_CallsNoListFunction()
    {
        // listKeys(), listSecrets(), listCredentials()… hand out keys at deployment time.
        var calls = ListCall().Matches(infra.MainJson).Select(m => m.Value).Distinct().ToList();

        Assert.True(calls.Count == 0, "list*() calls: " + string.Join(", ", calls));
    }

    [Fact]
    public void Outputs_AreExactlyTheDocumentedNonSecretValues() =>
        Assert.Equal(
            ["AZURE_RESOURCE_GROUP", "appInsightsName", "functionAppName", "keyVaultName", "managedIdentityClientId", "storageAccountName", "webhookUrl"],
            infra.Main.Root.Outputs.Select(o => o.Key).Order(StringComparer.Ordinal));

    [Fact]
    public void Outputs_OfEveryTemplateHoldNoSecret()
    {
        foreach (var scope in infra.Main.Scopes)
        {
            foreach (var (name, output) in scope.Outputs)
            {
                var type = (string?)output?["type"] ?? string.Empty;
                var value = output?["value"]?.ToJsonString() ?? string.Empty;
                Assert.False(type.StartsWith("secure", StringComparison.OrdinalIgnoreCase), $"{scope.DeploymentName}.{name} is {type}.");
                Assert.DoesNotMatch(SecretName(), name);
                Assert.DoesNotContain("ConnectionString", value, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotMatch(ListCall(), value);
                Assert.All(SecretMarkers, marker => Assert.DoesNotContain(marker, value, StringComparison.OrdinalIgnoreCase));
            }
        }
    }

    [Fact]
    public void WebhookUrl_IsTheIngestRouteWithoutAKey()
    {
        var url = (string?)infra.Main.Root.Outputs["webhookUrl"]?["value"] ?? string.Empty;

        Assert.Contains("'https://{0}/api/interview-alerts'", url, StringComparison.Ordinal);
        Assert.Contains("outputs.defaultHostName.value", url, StringComparison.Ordinal);
        Assert.DoesNotContain("code", url, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AppSettings_HoldNoSecretValue()
    {
        var settings = infra.AppSettings();

        Assert.All(settings, setting =>
        {
            var value = setting.Value?.ToString() ?? string.Empty;
            Assert.All(SecretMarkers, marker => Assert.DoesNotContain(marker, value, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotMatch(ListCall(), value);
            Assert.DoesNotContain("@Microsoft.KeyVault(", value, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void AppSettings_HaveNoSecretNamedSetting() =>
        Assert.DoesNotContain(infra.AppSettings(), s => SecretName().IsMatch(s.Key));

    [Fact]
    public void SecureParameters_HaveNoDefaultValue()
    {
        foreach (var scope in infra.Main.Scopes)
        {
            foreach (var (name, parameter) in scope.Parameters)
            {
                var type = (string?)parameter?["type"] ?? string.Empty;
                if (type.StartsWith("secure", StringComparison.OrdinalIgnoreCase))
                {
                    Assert.False(parameter!.AsObject().ContainsKey("defaultValue"), $"{scope.DeploymentName}.{name} has a default.");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(ParameterFiles))]
    public void ParameterFile_HoldsNoSecret(string file)
    {
        foreach (var (name, parameter) in infra.Parameters(file))
        {
            Assert.DoesNotMatch(SecretName(), name);
            var value = parameter?["value"]?.ToJsonString() ?? string.Empty;
            Assert.All(SecretMarkers, marker => Assert.DoesNotContain(marker, value, StringComparison.OrdinalIgnoreCase));
            Assert.Null(parameter?["reference"]);
        }
    }

    public static TheoryData<string> ParameterFiles() => new(CompiledInfra.ParameterFiles);

    [GeneratedRegex(@"\blist[A-Za-z]*\(", RegexOptions.IgnoreCase)]
    private static partial Regex ListCall();

    [GeneratedRegex(@"(secret|password|key(?!vault)|connectionstring|token)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
