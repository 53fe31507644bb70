using Azure.Core;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using InterviewAlerts.Core.BrassRing;
using InterviewAlerts.Core.BrassRing.Mappings;
using InterviewAlerts.Core.Callers;
using InterviewAlerts.Core.Delivery;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Operations;
using InterviewAlerts.Core.Paradox;
using InterviewAlerts.Core.Secrets;
using InterviewAlerts.Core.Tracking;
using InterviewAlerts.Functions.Http;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InterviewAlerts.Functions.Hosting;

/// <summary>The composition root shared by the Functions host and the local runner.</summary>
public static class AdapterServices
{
    public static IServiceCollection AddInterviewAlertsAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddAdapterMetrics();

        services.AddOptions<ParadoxOptions>().Bind(configuration.GetSection(ParadoxOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ParadoxOptions>, ParadoxOptionsValidator>();
        services.AddOptions<DeliveryOptions>().Bind(configuration.GetSection(DeliveryOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidator>();
        services.AddOptions<SecretsOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SecretsOptions>>(new SecretsOptionsValidator(configuration));

        services.AddSecretStore(configuration);
        services.AddStorageClients(configuration);
        services.AddHostedService<StorageBootstrapper>();

        services.AddParadoxClient();

        services.AddSingleton<IRequestRecordStore, TableRequestRecordStore>();
        services.AddSingleton(_ => BrassRingMappingLoader.FromConfiguration(configuration, AppContext.BaseDirectory));
        services.AddOptions<BrassRingMappingSettings>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<BrassRingMappingSettings>, BrassRingMappingSettingsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<BrassRingMappingLoad>().Options);
        services.AddSingleton<BrassRingMapper>();
        services.AddSingleton(sp => new RequestInterpreter(sp.GetRequiredService<BrassRingMapper>()));
        services.AddCallers(configuration);
        services.AddSingleton<IngestService>();
        services.AddSingleton<DeadLetterWriter>();
        services.AddSingleton<DeliveryProcessor>();
        services.AddSingleton<PoisonRecorder>();
        services.AddSingleton<RetentionPurger>();
        services.AddSingleton<DeadLetterSelector>();
        services.AddSingleton<DeadLetterReplayer>();
        services.AddSingleton<DeadLetterDiscarder>();
        services.AddSingleton<OperatorQueries>();
        services.AddSingleton<WebhookResponder>();
        services.AddSingleton<StatusResponder>();
        services.AddSingleton<OperatorResponder>();
        return services;
    }

    /// <summary>Named callers ("Callers:&lt;name&gt;"), validated at startup, and what authenticates them.</summary>
    public static IServiceCollection AddCallers(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<CallersOptions>()
            .Configure(options =>
            {
                configuration.GetSection(CallersOptions.Section).Bind(options.Callers);
                configuration.GetSection(CallersOptions.AuthenticationSection).Bind(options);
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CallersOptions>>(new CallersOptionsValidator(configuration));
        services.AddSingleton<AuthenticationFailureLimiter>();
        services.AddSingleton<WebhookIdReplayCache>();
        services.AddSingleton<CallerAuthenticator>();
        return services;
    }

    /// <summary>
    /// The Paradox client, its token provider and their HTTP resilience pipelines, exactly as production uses them.
    /// Expects <see cref="ParadoxOptions"/>, an <see cref="ISecretStore"/> and logging to be registered; adds
    /// <see cref="TimeProvider.System"/> unless a clock is already registered.
    /// </summary>
    public static IServiceCollection AddParadoxClient(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(ParadoxTokenProvider.HttpClientName)
            .AddResilienceHandler("paradox-token", (pipeline, context) =>
                ParadoxResilience.ConfigureToken(pipeline, context.ServiceProvider.GetRequiredService<IOptions<ParadoxOptions>>().Value));
        services.AddSingleton<ParadoxTokenProvider>();
        services.AddHttpClient<IParadoxClient, ParadoxClient>()
            .AddResilienceHandler("paradox-interview-alerts", (pipeline, context) =>
                ParadoxResilience.Configure(pipeline, context.ServiceProvider.GetRequiredService<IOptions<ParadoxOptions>>().Value,
                    context.ServiceProvider.GetRequiredService<TimeProvider>()));
        return services;
    }


    /// <summary>
    /// Key Vault when "KeyVault:VaultUri" is set (managed identity, never a probing credential chain); else configuration.
    /// A store registered before this (tests: the Key Vault stand-in) is kept.
    /// </summary>
    private static void AddSecretStore(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(ISecretStore))) return;
        var vaultUri = configuration["KeyVault:VaultUri"];
        if (string.IsNullOrWhiteSpace(vaultUri))
        {
            services.AddSingleton<ISecretStore, ConfigurationSecretStore>();
            return;
        }

        services.AddAzureClients(clients => clients.AddSecretClient(new Uri(vaultUri)).WithCredential(VaultCredential(configuration)));
        services.AddSingleton<ISecretStore>(sp => new KeyVaultSecretStore(
            sp.GetRequiredService<SecretClient>(),
            sp.GetRequiredService<TimeProvider>(),
            configuration.GetValue("KeyVault:CacheDuration", TimeSpan.FromMinutes(5))));
    }

    /// <summary>The vault's credential: the app's managed identity (user-assigned when AZURE_CLIENT_ID is set), never a probing chain.</summary>
    internal static TokenCredential VaultCredential(IConfiguration configuration)
    {
        var clientId = configuration["AZURE_CLIENT_ID"];
        return string.IsNullOrWhiteSpace(clientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
    }
}
