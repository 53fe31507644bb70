using System.Text.Json.Nodes;
using InterviewAlerts.Core.Paradox;
using InterviewAlerts.Core.Secrets;
using InterviewAlerts.Functions.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewAlerts.IntegrationTests.Infrastructure;

/// <summary>
/// The adapter's Paradox side, registered exactly as production registers it (<see cref="AdapterServices.AddParadoxClient"/>),
/// so the resilience pipelines under test are the production ones.
/// </summary>
internal static class ParadoxAdapter
{
    public const string AccountId = "sandbox-account";
    public const string Secret = "sandbox-secret";

    /// <summary>A body the sandbox's contract accepts.</summary>
    public static JsonObject ValidBody(string exId = "C-1") =>
        new() { ["ex_id"] = exId, ["action"] = "interview", ["interview_duration"] = 30, ["interview_type"] = 2 };

    public static ServiceProvider Build(Uri baseUrl, Action<ParadoxOptions>? configure = null, ISecretStore? secrets = null, TimeProvider? time = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        if (time is not null) services.AddSingleton(time);
        services.AddSingleton(secrets ?? ConfiguredSecrets(AccountId, Secret));
        services.AddOptions<ParadoxOptions>().Configure(options =>
        {
            options.BaseUrl = baseUrl.ToString();
            configure?.Invoke(options);
        });
        services.AddParadoxClient();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static ISecretStore ConfiguredSecrets(string accountId, string secret) =>
        new ConfigurationSecretStore(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [ParadoxTokenProvider.AccountIdSecret] = accountId,
            [ParadoxTokenProvider.SecretSecret] = secret,
        }).Build());

    public static IParadoxClient Client(this IServiceProvider services) => services.GetRequiredService<IParadoxClient>();

    public static ParadoxTokenProvider TokenProvider(this IServiceProvider services) => services.GetRequiredService<ParadoxTokenProvider>();

    public static Task<ParadoxOutcome> SendAsync(this IServiceProvider services, string trackingId, JsonObject? body = null) =>
        services.Client().SendInterviewAlertAsync(System.Text.Encoding.UTF8.GetBytes((body ?? ValidBody()).ToJsonString()), trackingId, CancellationToken.None);
}
