namespace InterviewAlerts.Core.Callers;

/// <summary>
/// The authenticated sender of a webhook call. Its name scopes idempotency keys and request records,
/// so one caller can neither pre-empt nor read another's requests. Never holds a secret.
/// </summary>
public sealed record Caller(string Name)
{
    /// <summary>JSON calls without credentials, where configuration allows them.</summary>
    public static Caller Anonymous { get; } = new("anonymous");
}
