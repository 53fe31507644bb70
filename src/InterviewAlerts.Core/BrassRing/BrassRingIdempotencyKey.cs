using InterviewAlerts.Core.Tracking;

namespace InterviewAlerts.Core.BrassRing;

/// <summary>
/// The de-duplication key of one candidate packet: scoped to the authenticated export user, then the Sender (Id and
/// Credential), the TransactId and the PacketId. A retransmission of the transaction meets its first copy; another
/// user sending the same Sender and TransactId does not (the Credential is a public client id, not a secret); a
/// redo of the HR status (new TransactId) is a new request.
/// </summary>
public static class BrassRingIdempotencyKey
{
    public static IdempotencyKey For(string caller, BrassRingEnvelope envelope, BrassRingPacket packet)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(packet);
        return IdempotencyKey.Of("brassring", caller, envelope.SenderId, envelope.SenderCredential, envelope.TransactId, packet.PacketId);
    }
}
