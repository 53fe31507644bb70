namespace InterviewAlerts.Core.BrassRing;

/// <summary>
/// The Status block BrassRing shows the recruiter: 200 success, 401 authentication failure, 405 data problem.
/// LongDescription must say plainly what happened and what to fix, and never carry candidate personal data.
/// </summary>
public sealed record BrassRingStatus(int Code, string ShortDescription, string LongDescription)
{
    public static BrassRingStatus Accepted(string trackingId) =>
        new(200, "Interview request accepted", $"Queued for Paradox; tracking id {trackingId}");

    public static BrassRingStatus Unauthorized() =>
        new(401, "Authentication failed",
            "The username or password configured for this export in BrassRing Workbench was not accepted; check both with the integration team.");

    public static BrassRingStatus DataProblem(string longDescription) =>
        new(405, "Data problem", longDescription);
}
