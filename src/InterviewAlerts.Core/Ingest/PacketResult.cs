namespace InterviewAlerts.Core.Ingest;

/// <summary>What ingest did with one candidate packet of a BrassRing envelope.</summary>
/// <param name="TrackingId">Its request's id (Accepted, Duplicate), or the id that first used its key (Conflict).</param>
public sealed record PacketResult(PacketInterpretation Packet, IngestStatus Status, string? TrackingId = null)
{
    public bool Acknowledged => Status is IngestStatus.Accepted or IngestStatus.Duplicate;
}
