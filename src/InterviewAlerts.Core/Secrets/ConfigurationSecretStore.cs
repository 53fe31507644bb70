using Microsoft.Extensions.Configuration;

namespace InterviewAlerts.Core.Secrets;

/// <summary>Secrets from configuration (local settings, environment). The local default when no Key Vault is configured.</summary>
public sealed class ConfigurationSecretStore(IConfiguration configuration) : ISecretStore
{
    public ValueTask<string?> GetSecretAsync(string name, CancellationToken cancellationToken)
    {
        var value = configuration[name];
        return ValueTask.FromResult(string.IsNullOrEmpty(value) ? null : value);
    }

    public void Invalidate(string name)
    {
        // Configuration reloads on its own; nothing is cached here.
    }
}
