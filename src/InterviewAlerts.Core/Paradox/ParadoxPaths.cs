namespace InterviewAlerts.Core.Paradox;

/// <summary>Paths of Paradox's public API, relative to the environment's base URL.</summary>
public static class ParadoxPaths
{
    public const string Token = "api/v1/public/auth/token";
    public const string InterviewAlerts = "api/v1/public/interview/interview_alerts";
    public const string TrackingHeader = "X-Tracking-Id";
}
