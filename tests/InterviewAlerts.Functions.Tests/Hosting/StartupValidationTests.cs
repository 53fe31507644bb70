using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using InterviewAlerts.Core.Secrets;
using InterviewAlerts.Functions.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InterviewAlerts.Functions.Tests.Hosting;

/// <summary>
/// The composition root refuses to start with settings that would only fail later, and names the setting.
/// Hosts are built but never reach the storage bootstrapper: validation runs first.
/// </summary>
public sealed class StartupValidationTests
{
    private static Dictionary<string, string?> ValidSettings() => new()
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["Paradox:Environment"] = "us-staging",
        ["Paradox:AccountId"] = "account",
        ["Paradox:Secret"] = "secret",
    };

    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddInterviewAlertsAdapter(builder.Configuration);
        return builder.Build();
    }

    private static async Task<OptionsValidationException> StartupFailureAsync(Dictionary<string, string?> settings)
    {
        using var host = BuildHost(settings);
        return await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    [Fact]
    public void The_valid_baseline_settings_pass_startup_validation()
    {
        using var host = BuildHost(ValidSettings());

        host.Services.GetRequiredService<IStartupValidator>().Validate();

        Assert.IsType<ConfigurationSecretStore>(host.Services.GetRequiredService<ISecretStore>());
    }

    [Theory]
    [InlineData("Paradox:AccountId")]
    [InlineData("Paradox:Secret")]
    public async Task Startup_fails_naming_a_missing_Paradox_credential_when_there_is_no_vault(string setting)
    {
        var settings = ValidSettings();
        settings.Remove(setting);

        var failure = await StartupFailureAsync(settings);

        Assert.Contains($"Setting {setting} is missing", failure.Message, StringComparison.Ordinal);
        Assert.Contains(setting.Replace(":", "--", StringComparison.Ordinal), failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Paradox:Secret")]
    [InlineData("Paradox:AccountId")]
    [InlineData("BrassRing:Callers:acme:Password")]
    public async Task Startup_fails_naming_a_setting_that_is_an_unresolved_Key_Vault_reference(string setting)
    {
        var settings = ValidSettings();
        settings[setting] = "@Microsoft.KeyVault(SecretUri=https://example-vault.vault.azure.net/secrets/Some--Secret/)";

        var failure = await StartupFailureAsync(settings);

        Assert.Contains($"Setting {setting} is an unresolved Key Vault reference", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_fails_naming_Paradox_Environment_when_the_name_is_unknown_and_lists_the_known_names()
    {
        var settings = ValidSettings();
        settings["Paradox:Environment"] = "us-prod";

        var failure = await StartupFailureAsync(settings);

        Assert.Contains("Paradox:Environment", failure.Message, StringComparison.Ordinal);
        Assert.Contains("\"us-prod\"", failure.Message, StringComparison.Ordinal);
        Assert.Contains("us-production", failure.Message, StringComparison.Ordinal);
        Assert.Contains("eu-staging", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_fails_naming_Paradox_Environment_when_neither_an_environment_nor_a_base_url_is_set()
    {
        var settings = ValidSettings();
        settings.Remove("Paradox:Environment");

        var failure = await StartupFailureAsync(settings);

        Assert.Contains("Paradox:Environment", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://api.paradox.ai")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("api.paradox.ai")]
    public async Task Startup_fails_naming_Paradox_BaseUrl_when_it_is_not_https_or_loopback_http(string baseUrl)
    {
        var settings = ValidSettings();
        settings["Paradox:BaseUrl"] = baseUrl;

        var failure = await StartupFailureAsync(settings);

        Assert.Contains("Paradox:BaseUrl must be an absolute https URL", failure.Message, StringComparison.Ordinal);
        Assert.Contains(baseUrl, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://api.paradox.ai")]
    [InlineData("http://127.0.0.1:5080/")]
    [InlineData("http://localhost:5080")]
    public void An_https_or_loopback_http_base_url_passes_startup_validation(string baseUrl)
    {
        var settings = ValidSettings();
        settings.Remove("Paradox:Environment");
        settings["Paradox:BaseUrl"] = baseUrl;
        using var host = BuildHost(settings);

        host.Services.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(new Uri(baseUrl.TrimEnd('/') + "/"), host.Services.GetRequiredService<IOptions<InterviewAlerts.Core.Paradox.ParadoxOptions>>().Value.ResolveBaseUrl());
    }

    [Fact]
    public void With_a_vault_uri_the_secrets_come_from_Key_Vault_and_need_not_be_in_configuration()
    {
        var settings = ValidSettings();
        settings.Remove("Paradox:AccountId");
        settings.Remove("Paradox:Secret");
        settings["KeyVault:VaultUri"] = "https://example-vault.vault.azure.net/";
        using var host = BuildHost(settings);

        host.Services.GetRequiredService<IStartupValidator>().Validate();

        Assert.IsType<KeyVaultSecretStore>(host.Services.GetRequiredService<ISecretStore>());
        Assert.Equal(new Uri("https://example-vault.vault.azure.net/"), host.Services.GetRequiredService<SecretClient>().VaultUri);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("11111111-2222-3333-4444-555555555555")]
    public void The_vault_credential_is_a_managed_identity_never_a_probing_chain(string? clientId)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AZURE_CLIENT_ID"] = clientId }).Build();

        var credential = AdapterServices.VaultCredential(configuration);

        Assert.IsType<ManagedIdentityCredential>(credential);
    }
}
