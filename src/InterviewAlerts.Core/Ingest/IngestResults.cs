namespace InterviewAlerts.Core.Ingest;

public static class IngestResults
{
    /// <summary>
    /// An envelope's status from its packets': the worst one wins (Unavailable, then Conflict, then Invalid), so the
    /// envelope counts as acknowledged only when every packet is; Duplicate when every packet was a retransmission.
    /// </summary>
    public static IngestStatus Combine(IReadOnlyList<PacketResult> packets)
    {
        ArgumentNullException.ThrowIfNull(packets);
        foreach (var worst in (ReadOnlySpan<IngestStatus>)[IngestStatus.Unavailable, IngestStatus.Conflict, IngestStatus.Invalid])
        {
            if (packets.Any(packet => packet.Status == worst)) return worst;
        }

        return packets.Count > 0 && packets.All(packet => packet.Status == IngestStatus.Duplicate) ? IngestStatus.Duplicate : IngestStatus.Accepted;
    }
}
