namespace InterviewAlerts.Core.Paradox;

/// <summary>What became of one call to Paradox.</summary>
public enum ParadoxOutcomeKind
{
    /// <summary>HTTP 200 with success 1.</summary>
    Delivered,

    /// <summary>Paradox said no (200 with success 0, or 400 with errors): permanent, the reason is kept.</summary>
    Rejected,

    /// <summary>403/404 and the like: the adapter is misconfigured; permanent for this request.</summary>
    ConfigurationError,

    /// <summary>408, 429, 5xx, timeouts, connection failures, credentials not accepted: try again later.</summary>
    Transient,
}

/// <summary>A field error as Paradox reports it.</summary>
public sealed record ParadoxError(int? Code, string Message, string? Field);

public sealed record ParadoxOutcome(
    ParadoxOutcomeKind Kind,
    int? HttpStatus,
    string Detail,
    TimeSpan? RetryAfter = null,
    IReadOnlyList<ParadoxError>? Errors = null,
    long? CandidateOid = null)
{
    public bool IsPermanentFailure => Kind is ParadoxOutcomeKind.Rejected or ParadoxOutcomeKind.ConfigurationError;
}
