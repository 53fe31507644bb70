using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using InterviewAlerts.Core.BrassRing;
using InterviewAlerts.Core.Secrets;
using InterviewAlerts.Functions.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InterviewAlerts.IntegrationTests.Hosting;

/// <summary>
/// The composition root refuses to start with settings that would only fail later, and names the setting.
/// Hosts are built but never reach the storage bootstrapper: validation runs first.
/// </summary>
public sealed class StartupValidationTests : IDisposable
{
    private readonly string _mappingFolder = Directory.CreateTempSubdirectory("startup-mappings-").FullName;

    public void Dispose() => Directory.Delete(_mappingFolder, recursive: true);

    /// <summary>The valid settings with BrassRing:MappingsFile naming a file of the given text.</summary>
    private Dictionary<string, string?> WithMappingFile(string text)
    {
        var path = Path.Combine(_mappingFolder, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, text);
        var settings = ValidSettings();
        settings["BrassRing:MappingsFile"] = path;
        return settings;
    }

    private static string Mappings(string entries) => "{\"BrassRing\": {\"Mappings\": " + entries + "}}";

    private static Dictionary<string, string?> ValidSettings() => new()
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["Paradox:Environment"] = "us-staging",
        ["Paradox:AccountId"] = "account",
        ["Paradox:Secret"] = "secret",
    };

    private static async Task<OptionsValidationException> StartupFailureAsync(Dictionary<string, string?> settings)
    {
        using var host = AdapterHost.Build(settings);
        return await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    [Fact]
    public void The_valid_baseline_settings_pass_startup_validation()
    {
        using var host = AdapterHost.Build(ValidSettings());

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
        using var host = AdapterHost.Build(settings);

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
        using var host = AdapterHost.Build(settings);

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

    [Fact]
    public void The_shipped_mapping_file_resolves_against_the_app_folder_and_passes()
    {
        var settings = ValidSettings();
        settings["BrassRing:MappingsFile"] = "config/brassring-mappings.sample.json";
        using var host = AdapterHost.Build(settings);

        host.Services.GetRequiredService<IStartupValidator>().Validate();

        Assert.Contains("GLOBEX_PARADOX_SCHEDULE", host.Services.GetRequiredService<BrassRingMappingOptions>().Mappings.Keys);
    }

    [Fact]
    public async Task Startup_fails_on_an_unknown_key_in_the_mapping_file_naming_setting_file_path_and_fix()
    {
        var settings = WithMappingFile(Mappings("""{"ACME": {"Field": {"phone": ["WORKPHONE"]}}}"""));

        var failure = await StartupFailureAsync(settings);

        Assert.Contains($"the mapping file {settings["BrassRing:MappingsFile"]} (setting BrassRing:MappingsFile)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("$.BrassRing.Mappings.ACME.Field: unknown key \"Field\" (did you mean \"Fields\"?)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: rename it to one of \"Fields\"", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_fails_on_a_mapping_to_a_field_Paradox_does_not_have()
    {
        var failure = await StartupFailureAsync(WithMappingFile(Mappings("""{"ACME": {"Fields": {"interview_kind": ["MEETINGKIND"]}}}""")));

        Assert.Contains("$.BrassRing.Mappings.ACME.Fields.interview_kind: \"interview_kind\" is not a Paradox field", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_fails_on_a_value_of_the_wrong_type()
    {
        var failure = await StartupFailureAsync(WithMappingFile(Mappings("""{"ACME": {"Defaults": {"interview_duration": {"minutes": 30}}}}""")));

        Assert.Contains("$.BrassRing.Mappings.ACME.Defaults.interview_duration: must be a value for interview_duration (a non-empty string, number or boolean); got an object.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_fails_on_a_default_the_field_rules_refuse()
    {
        var failure = await StartupFailureAsync(WithMappingFile(Mappings("""{"ACME": {"Defaults": {"interview_type": "Video Call"}}}""")));

        Assert.Contains("$.BrassRing.Mappings.ACME.Defaults.interview_type: the default interview_type is not accepted", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_fails_on_an_invalid_status_action()
    {
        var failure = await StartupFailureAsync(WithMappingFile(Mappings("""{"*": {"StatusActions": {"Withdraw Interview": "delete"}}}""")));

        Assert.Contains("$.BrassRing.Mappings[\"*\"].StatusActions[\"Withdraw Interview\"]: must be one of the actions interview, reschedule, cancel; got the string \"delete\"", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_fails_on_a_missing_mapping_file()
    {
        var settings = ValidSettings();
        settings["BrassRing:MappingsFile"] = "config/brassring-mapping.json";

        var failure = await StartupFailureAsync(settings);

        Assert.Contains("(setting BrassRing:MappingsFile)", failure.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(AppContext.BaseDirectory, "config", "brassring-mapping.json") + ": the file does not exist.", failure.Message, StringComparison.Ordinal);
        Assert.Contains("brassring-mappings.sample.json", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_fails_on_an_unparsable_mapping_file_naming_the_line()
    {
        var settings = WithMappingFile("{\n  \"BrassRing\": {\n    \"Mappings\": {\n      \"ACME\": {}\n      \"GLOBEX\": {}\n    }\n  }\n}\n");

        var failure = await StartupFailureAsync(settings);

        Assert.Contains($"{settings["BrassRing:MappingsFile"]} line 5", failure.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_fails_on_mistakes_in_mapping_app_settings_naming_the_setting()
    {
        var settings = ValidSettings();
        settings["BrassRing:Mappings:ACME:StatusActions:Withdraw"] = "remove";

        var failure = await StartupFailureAsync(settings);

        Assert.Contains("BrassRing:Mappings:ACME:StatusActions:Withdraw: must be one of the actions", failure.Message, StringComparison.Ordinal);
    }
}
