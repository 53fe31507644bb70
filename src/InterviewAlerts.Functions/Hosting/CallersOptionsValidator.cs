using InterviewAlerts.Core.Callers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace InterviewAlerts.Functions.Hosting;

/// <summary>
/// Every configured caller can authenticate and knows what it may send; anonymous JSON never runs in Azure.
/// Without a Key Vault, each caller's secret must be in configuration. Fails startup naming the setting.
/// </summary>
internal sealed class CallersOptionsValidator(IConfiguration configuration) : IValidateOptions<CallersOptions>
{
    /// <summary>Set by App Service and Azure Functions on every instance: the app runs in Azure.</summary>
    private static readonly string[] AzureMarkers = ["WEBSITE_SITE_NAME", "WEBSITE_INSTANCE_ID"];

    private const string LegacySecrets = "BrassRing:CallerSecrets";

    public ValidateOptionsResult Validate(string? name, CallersOptions options)
    {
        var problems = new List<string>();
        var withoutVault = string.IsNullOrWhiteSpace(configuration["KeyVault:VaultUri"]);

        foreach (var (caller, settings) in options.Callers)
        {
            var prefix = $"{CallersOptions.Section}:{caller}";
            if (!CallersOptions.NamePattern().IsMatch(caller))
            {
                problems.Add($"Caller name \"{caller}\" (setting {prefix}) must start with a letter and hold only letters and digits (up to 63): " +
                    "it becomes part of environment variable and Key Vault secret names.");
                continue;
            }

            if (settings.Shapes == CallerShapes.None && !settings.Operator)
                problems.Add($"{prefix}:Shapes must be BrassRing, Json or \"BrassRing, Json\" (or set {prefix}:Operator to true).");
            if (settings.Shapes.HasFlag(CallerShapes.BrassRing) && settings.Scheme == CallerScheme.Signature)
                problems.Add($"{prefix}:Scheme is Signature, but BrassRing cannot sign: a BrassRing caller uses Scheme Secret (HTTP Basic).");
            if (settings.Shapes.HasFlag(CallerShapes.BrassRing) && settings.ClientIds.All(string.IsNullOrWhiteSpace))
                problems.Add($"{prefix}:ClientIds must list the BrassRing client ids (Sender/Credential) this user sends for ({prefix}:ClientIds:0, ...).");

            if (withoutVault) problems.AddRange(SecretProblems(caller, settings.Scheme));
        }

        if (options.AllowAnonymousJson && AzureMarkers.Any(marker => !string.IsNullOrWhiteSpace(configuration[marker])))
            problems.Add($"{CallersOptions.AuthenticationSection}:AllowAnonymousJson is for local development only and is refused in Azure; configure a named JSON caller instead.");
        if (options.FailureLimit < 1) problems.Add($"{CallersOptions.AuthenticationSection}:FailureLimit must be at least 1.");
        if (options.FailureWindow <= TimeSpan.Zero) problems.Add($"{CallersOptions.AuthenticationSection}:FailureWindow must be positive.");
        if (configuration.GetSection(LegacySecrets).GetChildren().Any())
            problems.Add($"{LegacySecrets} is no longer read: configure each BrassRing user as a caller ({CallersOptions.Section}:<name>:Shapes, :ClientIds, :Secret).");

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private IEnumerable<string> SecretProblems(string caller, CallerScheme scheme)
    {
        var current = CallersOptions.SecretName(caller);
        if (string.IsNullOrEmpty(configuration[current]))
        {
            yield return $"Setting {current} is missing (or set KeyVault:VaultUri to read it from Key Vault as {current.Replace(":", "--", StringComparison.Ordinal)}).";
            yield break;
        }

        if (scheme != CallerScheme.Signature) yield break;
        foreach (var setting in new[] { current, CallersOptions.PreviousSecretName(caller) })
        {
            var value = configuration[setting];
            if (!string.IsNullOrEmpty(value) && !StandardWebhookSignature.TryDecodeSecret(value, out _))
                yield return $"Setting {setting} must be a Standard Webhooks secret: \"whsec_\" followed by base64.";
        }
    }
}
