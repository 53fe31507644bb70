using System.Collections.Concurrent;
using Azure;
using Azure.Security.KeyVault.Secrets;

namespace InterviewAlerts.Core.Secrets;

/// <summary>
/// Secrets from Azure Key Vault, cached briefly so a rotated secret is picked up without a restart.
/// "Paradox:Secret" is read as the Key Vault secret "Paradox--Secret".
/// </summary>
public sealed class KeyVaultSecretStore(SecretClient client, TimeProvider time, TimeSpan cacheDuration) : ISecretStore
{
    private readonly ConcurrentDictionary<string, (string? Value, DateTimeOffset ReadAt)> _cache = new(StringComparer.OrdinalIgnoreCase);

    public static string VaultNameOf(string name) => name.Replace(":", "--", StringComparison.Ordinal);

    public async ValueTask<string?> GetSecretAsync(string name, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(name, out var cached) && time.GetUtcNow() - cached.ReadAt < cacheDuration) return cached.Value;

        string? value;
        try
        {
            var response = await client.GetSecretAsync(VaultNameOf(name), cancellationToken: cancellationToken).ConfigureAwait(false);
            value = response.Value.Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            value = null;
        }

        _cache[name] = (value, time.GetUtcNow());
        return value;
    }

    public void Invalidate(string name) => _cache.TryRemove(name, out _);
}
