namespace InterviewAlerts.Core.Callers;

public enum CallerAuthenticationOutcome
{
    /// <summary>A configured caller proved its identity (or anonymous JSON where local development allows it).</summary>
    Authenticated,

    /// <summary>No credentials at all.</summary>
    NoCredentials,

    /// <summary>Credentials present but not accepted: unknown caller, wrong secret, bad or replayed signature.</summary>
    Refused,

    /// <summary>Too many recent failures for this caller name: answered 429 for a while.</summary>
    Throttled,

    /// <summary>Our own dependency (the secret store) failed: nothing was decided, the caller should retry.</summary>
    Unavailable,
}
