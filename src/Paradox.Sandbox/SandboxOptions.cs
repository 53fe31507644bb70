namespace Paradox.Sandbox;

/// <summary>Settings of the sandbox (section "Sandbox"): the one account it knows and its token lifetime.</summary>
public sealed class SandboxOptions
{
    public string AccountId { get; set; } = "sandbox-account";
    public string Secret { get; set; } = "sandbox-secret";
    public int TokenLifetimeSeconds { get; set; } = 3600;
}
