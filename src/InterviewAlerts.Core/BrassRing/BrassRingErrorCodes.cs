namespace InterviewAlerts.Core.BrassRing;

/// <summary>
/// Stable codes for BrassRing bodies that cannot be read. Kept beside the reader so the contract's
/// <c>Validation.ErrorCodes</c> stays about Paradox fields; never rename one.
/// </summary>
public static class BrassRingErrorCodes
{
    public const string MalformedEnvelope = "malformed_envelope";
    public const string DoctypeRefused = "doctype_refused";
    public const string TooLarge = "too_large";
    public const string TooDeep = "too_deep";

    /// <summary>Two candidate packets of one envelope share a PacketId.</summary>
    public const string RepeatedPacketId = "repeated_packet_id";
}
