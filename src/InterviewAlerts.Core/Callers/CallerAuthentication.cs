namespace InterviewAlerts.Core.Callers;

/// <summary>The result of authenticating one call.</summary>
/// <param name="Outcome">What was decided.</param>
/// <param name="Caller">The caller, when authenticated.</param>
/// <param name="Problem">Why not, in words safe to return to the caller (never a secret, never which part was wrong).</param>
/// <param name="RetryAfter">For throttled and unavailable answers: when to try again.</param>
public sealed record CallerAuthentication(
    CallerAuthenticationOutcome Outcome,
    Caller? Caller = null,
    string? Problem = null,
    TimeSpan? RetryAfter = null)
{
    public static CallerAuthentication Authenticated(Caller caller) => new(CallerAuthenticationOutcome.Authenticated, caller);

    public static CallerAuthentication Refused(string problem) => new(CallerAuthenticationOutcome.Refused, Problem: problem);
}
