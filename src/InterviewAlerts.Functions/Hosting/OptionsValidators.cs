using InterviewAlerts.Core.BrassRing.Mappings;
using InterviewAlerts.Core.Delivery;
using InterviewAlerts.Core.Paradox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace InterviewAlerts.Functions.Hosting;

/// <summary>Paradox must be reachable by name or URL; fails startup naming the setting.</summary>
internal sealed class ParadoxOptionsValidator : IValidateOptions<ParadoxOptions>
{
    public ValidateOptionsResult Validate(string? name, ParadoxOptions options)
    {
        if (options.TokenRequestInterval <= TimeSpan.Zero)
            return ValidateOptionsResult.Fail($"Paradox:TokenRequestInterval must be positive; got {options.TokenRequestInterval}.");
        if (SecretsOptionsValidator.IsUnresolvedReference(options.BaseUrl))
            return ValidateOptionsResult.Fail("Paradox:BaseUrl is an unresolved Key Vault reference.");
        if (!string.IsNullOrWhiteSpace(options.BaseUrl))
        {
            return Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var url)
                && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"Paradox:BaseUrl must be an absolute https URL (http only for loopback); got \"{options.BaseUrl}\".");
        }

        return ParadoxEnvironments.TryResolve(options.Environment, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Set Paradox:Environment to one of {string.Join(", ", ParadoxEnvironments.Names)}, or Paradox:BaseUrl; got \"{options.Environment}\".");
    }
}

internal sealed class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        var problems = new List<string>();
        if (options.RetryHorizon <= TimeSpan.Zero) problems.Add("Delivery:RetryHorizon must be positive.");
        if (options.FirstRetryDelay <= TimeSpan.Zero) problems.Add("Delivery:FirstRetryDelay must be positive.");
        if (options.MaxConcurrentParadoxCalls < 1) problems.Add($"Delivery:MaxConcurrentParadoxCalls must be at least 1; got {options.MaxConcurrentParadoxCalls}.");
        if (options.MaxRetryDelay < options.FirstRetryDelay) problems.Add("Delivery:MaxRetryDelay must be at least Delivery:FirstRetryDelay.");
        if (options.Retention < TimeSpan.FromHours(72)) problems.Add($"Delivery:Retention must be at least 72 hours (the idempotency window); got {options.Retention}.");
        if (options.Retention <= options.RetryHorizon) problems.Add($"Delivery:Retention ({options.Retention}) must be longer than Delivery:RetryHorizon ({options.RetryHorizon}).");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

/// <summary>Marker options: validating it checks the secret settings at startup.</summary>
internal sealed class SecretsOptions;

/// <summary>
/// Without a Key Vault, the Paradox credentials must be in configuration. With one, configuration must not
/// hold an unresolved "@Microsoft.KeyVault(...)" reference, which would reach the app as a literal string.
/// </summary>
internal sealed class SecretsOptionsValidator(IConfiguration configuration) : IValidateOptions<SecretsOptions>
{
    private static readonly string[] RequiredWithoutVault = ["Paradox:AccountId", "Paradox:Secret"];

    public static bool IsUnresolvedReference(string? value) =>
        value is not null && value.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase);

    public ValidateOptionsResult Validate(string? name, SecretsOptions options)
    {
        var problems = new List<string>();
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (IsUnresolvedReference(value)) problems.Add($"Setting {key} is an unresolved Key Vault reference; check the app's access to the vault.");
        }

        if (string.IsNullOrWhiteSpace(configuration["KeyVault:VaultUri"]))
        {
            foreach (var key in RequiredWithoutVault)
            {
                if (string.IsNullOrWhiteSpace(configuration[key]))
                    problems.Add($"Setting {key} is missing (or set KeyVault:VaultUri to read it from Key Vault as {key.Replace(":", "--", StringComparison.Ordinal)}).");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

/// <summary>Marker options: validating it checks the BrassRing mappings (file or app settings) at startup.</summary>
internal sealed class BrassRingMappingSettings;

/// <summary>
/// A missing or unreadable mapping file, or any mistake in the mappings, stops the app with every problem named
/// (setting, file, JSON path or line, fix) instead of failing or misrouting requests later.
/// </summary>
internal sealed class BrassRingMappingSettingsValidator(BrassRingMappingLoad load) : IValidateOptions<BrassRingMappingSettings>
{
    public ValidateOptionsResult Validate(string? name, BrassRingMappingSettings options) =>
        load.IsValid ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(load.Describe());
}
