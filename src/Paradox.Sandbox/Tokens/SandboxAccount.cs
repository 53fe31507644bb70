using Microsoft.Extensions.Options;

namespace Paradox.Sandbox.Tokens;

/// <summary>An account id and its secret key.</summary>
public sealed record SandboxCredentials(string AccountId, string Secret);

/// <summary>
/// The one account the sandbox knows. Starts from <see cref="SandboxOptions"/> and can be changed while running
/// (PUT /sandbox/account) to imitate Paradox rotating the secret; readers always see a whole pair, never half of one.
/// </summary>
public sealed class SandboxAccount(IOptions<SandboxOptions> options)
{
    private SandboxCredentials _current = new(options.Value.AccountId, options.Value.Secret);

    public SandboxCredentials Current => Volatile.Read(ref _current);

    public void Change(SandboxCredentials credentials) => Volatile.Write(ref _current, credentials);

    public bool Accepts(string? accountId, string? secret)
    {
        var current = Current;
        return string.Equals(accountId, current.AccountId, StringComparison.Ordinal) && string.Equals(secret, current.Secret, StringComparison.Ordinal);
    }
}
