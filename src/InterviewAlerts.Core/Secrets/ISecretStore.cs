namespace InterviewAlerts.Core.Secrets;

/// <summary>
/// Reads named secrets (Paradox credentials, BrassRing caller passwords). Names use configuration form,
/// e.g. "Paradox:Secret"; in Key Vault the same secret is named "Paradox--Secret".
/// </summary>
public interface ISecretStore
{
    /// <summary>The secret's value, or null when it does not exist. May be served from a short cache.</summary>
    ValueTask<string?> GetSecretAsync(string name, CancellationToken cancellationToken);

    /// <summary>Drops the cached value so the next read fetches it again (e.g. after Paradox answered 401).</summary>
    void Invalidate(string name);
}
