using System.Globalization;

namespace InterviewAlerts.Core.BrassRing;

/// <summary>
/// Builds a <see cref="BrassRingEnvelope"/> from an element tree whose root is the Envelope. Tolerant about
/// order, case, attributes-versus-elements and a missing Recipient; strict only where mirroring or
/// de-duplication would otherwise go wrong (no packet, no payload, no TransactId).
/// </summary>
internal static class BrassRingEnvelopeBuilder
{
    public static BrassRingReadResult Build(BrassRingNode envelope)
    {
        var problems = new List<(string Code, string Reason)>();

        var sender = envelope.Child("Sender");
        var recipient = envelope.Child("Recipient");
        var transact = envelope.Child("TransactInfo");
        var packetNodes = envelope.ChildrenNamed("Packet").ToList();

        var packets = new List<BrassRingPacket>();
        for (var index = 0; index < packetNodes.Count; index++)
        {
            packets.Add(BuildPacket(packetNodes[index], index + 1, problems));
        }

        var transactId = transact?.Value("TransactId") ?? "";
        if (transactId.Length == 0)
            problems.Insert(0, (BrassRingErrorCodes.MalformedEnvelope, "The envelope has no TransactInfo/TransactId; BrassRing always sends one."));
        if (packets.Count == 0)
            problems.Insert(0, (BrassRingErrorCodes.MalformedEnvelope, "The envelope has no Packet."));

        var senderId = sender?.Value("Id") ?? "";
        var credential = sender?.Value("Credential") ?? "";
        var result = new BrassRingEnvelope
        {
            Version = envelope.Value("version") ?? "",
            SenderId = senderId,
            SenderCredential = credential,
            RecipientId = recipient is null ? null : recipient.Value("Id") ?? "",
            TransactId = transactId,
            TimeStamp = transact?.Value("TimeStamp") ?? "",
            Packets = packets,
        };

        if (problems.Count == 0) return BrassRingReadResult.Parsed(result);
        var (code, reason) = problems[0];
        return BrassRingReadResult.Malformed(code, reason, result);
    }

    private static BrassRingPacket BuildPacket(BrassRingNode packet, int position, List<(string, string)> problems)
    {
        // PacketInfo normally holds these; a few renderings put them on the Packet itself.
        var info = packet.Child("PacketInfo");
        string Info(string name) => info?.Value(name) ?? packet.Value(name) ?? "";

        var packetId = Info("PacketId");
        var label = packetId.Length > 0 ? packetId : position.ToString(CultureInfo.InvariantCulture);
        var payload = BrassRingPayloadReader.Read(packet.Child("Payload"), label);
        if (payload.Problem is not null) problems.Add((payload.Code!, payload.Problem));

        return new BrassRingPacket
        {
            PacketId = packetId,
            Action = Info("Action"),
            Manifest = Info("Manifest"),
            PayloadRootName = payload.RootName,
            Fields = payload.Fields,
        };
    }
}
