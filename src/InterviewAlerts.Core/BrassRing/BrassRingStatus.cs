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

    /// <summary>The packet's TransactId and PacketId were used before by the same export user for other data.</summary>
    public static BrassRingStatus ReusedWithOtherData(BrassRingEnvelope envelope, BrassRingPacket packet, string firstTrackingId)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(packet);
        return DataProblem($"TransactId \"{Shorten(envelope.TransactId)}\" with PacketId \"{Shorten(packet.PacketId)}\" was already used with different content "
            + $"(tracking id {firstTrackingId}); this data was NOT queued. Redo the HR status so BrassRing sends it as a new transaction.");
    }

    public static BrassRingStatus Unavailable() =>
        new(503, "Temporarily unavailable",
            "The interview request was NOT queued because storage is unavailable. Please retry the export in a few minutes (undo and redo the HR status).");

    private static string Shorten(string value) => value.Length <= 64 ? value : string.Concat(value.AsSpan(0, 64), "…");
}
