using InterviewAlerts.Core.Callers;
using InterviewAlerts.Functions.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InterviewAlerts.IntegrationTests.Hosting;

/// <summary>The caller configuration is checked at startup; every failure names the setting to fix.</summary>
public sealed class CallerStartupValidationTests
{
    private static Dictionary<string, string?> ValidSettings() => new()
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["Paradox:Environment"] = "us-staging",
        ["Paradox:AccountId"] = "account",
        ["Paradox:Secret"] = "secret",
        ["Callers:acme:Shapes"] = "BrassRing",
        ["Callers:acme:ClientIds:0"] = "31207",
        ["Callers:acme:Secret"] = "pw",
        ["Callers:portal:Shapes"] = "Json",
        ["Callers:portal:Scheme"] = "Signature",
        ["Callers:portal:Secret"] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        ["Callers:ops:Operator"] = "true",
        ["Callers:ops:Secret"] = "ops-secret",
    };

    private static string Failure(Dictionary<string, string?> settings)
    {
        using var host = AdapterHost.Build(settings);
        return Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate()).Message;
    }

    [Fact]
    public void The_valid_callers_bind_with_shapes_schemes_client_ids_and_roles()
    {
        using var host = AdapterHost.Build(ValidSettings());
        host.Services.GetRequiredService<IStartupValidator>().Validate();

        var callers = host.Services.GetRequiredService<IOptions<CallersOptions>>().Value.Callers;
        Assert.Equal(CallerShapes.BrassRing, callers["ACME"].Shapes);
        Assert.Equal(["31207"], callers["acme"].ClientIds);
        Assert.Equal(CallerScheme.Signature, callers["portal"].Scheme);
        Assert.True(callers["ops"].Operator);
        Assert.False(host.Services.GetRequiredService<IOptions<CallersOptions>>().Value.AllowAnonymousJson);
    }

    [Fact]
    public void Shapes_read_as_a_comma_separated_list()
    {
        var settings = ValidSettings();
        settings["Callers:acme:Shapes"] = "BrassRing, Json";
        using var host = AdapterHost.Build(settings);

        Assert.Equal(CallerShapes.BrassRing | CallerShapes.Json, host.Services.GetRequiredService<IOptions<CallersOptions>>().Value.Callers["acme"].Shapes);
    }

    [Theory]
    [InlineData("WEBSITE_SITE_NAME")]
    [InlineData("WEBSITE_INSTANCE_ID")]
    public void Anonymous_JSON_is_refused_at_startup_in_Azure(string marker)
    {
        var settings = ValidSettings();
        settings["CallerAuthentication:AllowAnonymousJson"] = "true";
        settings[marker] = "func-intalerts-prod";

        Assert.Contains("CallerAuthentication:AllowAnonymousJson", Failure(settings), StringComparison.Ordinal);
    }

    [Fact]
    public void Anonymous_JSON_may_be_allowed_for_local_development()
    {
        var settings = ValidSettings();
        settings["CallerAuthentication:AllowAnonymousJson"] = "true";
        using var host = AdapterHost.Build(settings);

        host.Services.GetRequiredService<IStartupValidator>().Validate();
    }

    [Theory]
    [InlineData("Callers:acme:Secret", "Setting Callers:acme:Secret is missing")]
    [InlineData("Callers:acme:ClientIds:0", "Callers:acme:ClientIds must list")]
    [InlineData("Callers:portal:Shapes", "Callers:portal:Shapes must be")]
    public void A_missing_caller_setting_is_named(string removed, string expected)
    {
        var settings = ValidSettings();
        settings.Remove(removed);

        Assert.Contains(expected, Failure(settings), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Callers:portal:Secret", "not-a-whsec-secret", "Setting Callers:portal:Secret must be a Standard Webhooks secret")]
    [InlineData("Callers:portal:PreviousSecret", "whsec_***", "Setting Callers:portal:PreviousSecret must be a Standard Webhooks secret")]
    [InlineData("Callers:acme:Scheme", "Signature", "Callers:acme:Scheme is Signature, but BrassRing cannot sign")]
    [InlineData("Callers:acme-brassring:Shapes", "BrassRing", "Caller name \"acme-brassring\"")]
    [InlineData("BrassRing:CallerSecrets:acme", "pw", "BrassRing:CallerSecrets is no longer read")]
    [InlineData("CallerAuthentication:FailureLimit", "0", "CallerAuthentication:FailureLimit must be at least 1")]
    public void A_wrong_caller_setting_is_named(string setting, string value, string expected)
    {
        var settings = ValidSettings();
        settings[setting] = value;

        Assert.Contains(expected, Failure(settings), StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_vault_caller_secrets_need_not_be_in_configuration()
    {
        var settings = ValidSettings();
        settings.Remove("Callers:acme:Secret");
        settings.Remove("Callers:ops:Secret");
        settings["KeyVault:VaultUri"] = "https://example-vault.vault.azure.net/";
        using var host = AdapterHost.Build(settings);

        host.Services.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void The_sample_local_settings_pass_and_name_every_caller_kind()
    {
        using var sample = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Infrastructure.RepositoryRoot.Path, "local.settings.sample.json")));
        var settings = sample.RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(p => p.Name.Replace("__", ":", StringComparison.Ordinal), p => (string?)p.Value.GetString());
        using var host = AdapterHost.Build(settings);

        host.Services.GetRequiredService<IStartupValidator>().Validate();
        var callers = host.Services.GetRequiredService<IOptions<CallersOptions>>().Value;
        Assert.False(callers.AllowAnonymousJson);
        Assert.Contains(callers.Callers.Values, c => c.Shapes == CallerShapes.BrassRing);
        Assert.Contains(callers.Callers.Values, c => c.Shapes == CallerShapes.Json && c.Scheme == CallerScheme.Secret);
        Assert.Contains(callers.Callers.Values, c => c.Scheme == CallerScheme.Signature);
        Assert.Contains(callers.Callers.Values, c => c.Operator);
    }
}
