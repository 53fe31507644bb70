namespace InterviewAlerts.Core.BrassRing;

public enum BrassRingReadOutcome
{
    /// <summary>Not a BrassRing envelope: the caller treats the body as native JSON.</summary>
    NotBrassRing,

    /// <summary>A complete envelope was read.</summary>
    Parsed,

    /// <summary>Meant as BrassRing but unusable; <see cref="BrassRingReadResult.Reason"/> says why.</summary>
    Malformed,
}

/// <summary>
/// The result of <see cref="BrassRingEnvelopeReader.Read"/>. For <see cref="BrassRingReadOutcome.Malformed"/>,
/// <see cref="Envelope"/> holds whatever could be salvaged (sender, transaction, packet infos) so the answer can
/// still mirror the request; it is null when nothing could be read.
/// </summary>
public sealed record BrassRingReadResult
{
    public required BrassRingReadOutcome Outcome { get; init; }

    public BrassRingEnvelope? Envelope { get; init; }

    /// <summary>Plain reason for a malformed body; safe to show to the recruiter (never quotes payload values).</summary>
    public string? Reason { get; init; }

    /// <summary>A stable code from <see cref="BrassRingErrorCodes"/> for a malformed body.</summary>
    public string? Code { get; init; }

    public static BrassRingReadResult NotBrassRing() => new() { Outcome = BrassRingReadOutcome.NotBrassRing };

    public static BrassRingReadResult Parsed(BrassRingEnvelope envelope) =>
        new() { Outcome = BrassRingReadOutcome.Parsed, Envelope = envelope };

    public static BrassRingReadResult Malformed(string code, string reason, BrassRingEnvelope? salvaged = null) =>
        new() { Outcome = BrassRingReadOutcome.Malformed, Code = code, Reason = reason, Envelope = salvaged };
}
