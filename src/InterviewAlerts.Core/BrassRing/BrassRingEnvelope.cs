namespace InterviewAlerts.Core.BrassRing;

/// <summary>
/// One BrassRing Candidate Export transaction, as read from the HR-XML "Provisional Envelope".
/// Every value is the text the client sent (trimmed); TimeStamp is opaque and never interpreted.
/// </summary>
public sealed record BrassRingEnvelope
{
    public string Version { get; init; } = "";

    /// <summary>The integration user; often empty.</summary>
    public string SenderId { get; init; } = "";

    /// <summary>The client's BrassRing Client ID. It is a public identifier, not a secret.</summary>
    public string SenderCredential { get; init; } = "";

    /// <summary>Null when the envelope has no Recipient element.</summary>
    public string? RecipientId { get; init; }

    public string TransactId { get; init; } = "";

    /// <summary>Free text in many formats (or empty): echoed back, never validated.</summary>
    public string TimeStamp { get; init; } = "";

    public IReadOnlyList<BrassRingPacket> Packets { get; init; } = [];

    /// <summary>
    /// The packets that are interview requests, each on its own: every packet that is not a requisition packet
    /// (or the first packet, when all of them are).
    /// </summary>
    public IReadOnlyList<BrassRingPacket> CandidatePackets =>
        Packets.Any(packet => !packet.IsRequisition) ? [.. Packets.Where(packet => !packet.IsRequisition)] : [.. Packets.Take(1)];

    /// <summary>The requisition packets, which complete every candidate packet of the envelope.</summary>
    public IReadOnlyList<BrassRingPacket> RequisitionPackets
    {
        get
        {
            var candidates = CandidatePackets;
            return [.. Packets.Where(packet => packet.IsRequisition && !candidates.Contains(packet))];
        }
    }
}

/// <summary>One data packet: its PacketInfo and the flattened fields of its inner payload document.</summary>
public sealed record BrassRingPacket
{
    public string PacketId { get; init; } = "";

    /// <summary>SET, INSERT or empty. BrassRing's verb, not Paradox's action.</summary>
    public string Action { get; init; } = "";

    /// <summary>The integration's name in BrassRing Workbench, e.g. ACME_SCHEDVENDOR_CANDIDATE.</summary>
    public string Manifest { get; init; } = "";

    /// <summary>Local name of the payload's root element; empty when the payload had no root wrapper.</summary>
    public string PayloadRootName { get; init; } = "";

    /// <summary>Leaf element name (as the client wrote it) → trimmed text, in document order, duplicates kept.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; init; } = [];

    /// <summary>A requisition packet (Manifest or payload root ending in _REQEXPORT) only completes the candidate packet.</summary>
    public bool IsRequisition =>
        Manifest.EndsWith("_REQEXPORT", StringComparison.OrdinalIgnoreCase)
        || PayloadRootName.EndsWith("_REQEXPORT", StringComparison.OrdinalIgnoreCase);
}
