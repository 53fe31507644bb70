using InterviewAlerts.Core.BrassRing;
using InterviewAlerts.Core.Requests;
using InterviewAlerts.Core.Validation;

namespace InterviewAlerts.Core.Ingest;

/// <summary>
/// Detects the shape of a webhook body, reads it, maps it and validates it. Pure: no I/O, nothing queued.
/// Used by ingest, by the dry-run endpoint and by the onboarding preview tool. A native request reads the body in
/// place, so the body must stay unchanged while its interpretation is in use.
/// </summary>
public sealed class RequestInterpreter
{
    private readonly BrassRingMapper _brassRingMapper;

    /// <summary>BrassRing bodies are mapped with the built-in aliases only.</summary>
    public RequestInterpreter()
        : this(new BrassRingMapper(new BrassRingMappingOptions()))
    {
    }

    public RequestInterpreter(BrassRingMapper brassRingMapper)
    {
        ArgumentNullException.ThrowIfNull(brassRingMapper);
        _brassRingMapper = brassRingMapper;
    }

    public Interpretation Interpret(string? contentType, ReadOnlyMemory<byte> body)
    {
        var mediaKind = MediaTypes.Classify(contentType);
        if (mediaKind is BodyMediaKind.Other)
        {
            return Unsupported($"Content type \"{contentType}\" is not supported; send application/json, or a BrassRing envelope as text/xml, application/xml or application/x-www-form-urlencoded.");
        }

        // A form is BrassRing only when it carries the envelope; anything else (a JSON body posted with curl -d or
        // PowerShell's default) must not be mistaken for an export.
        if (mediaKind is BodyMediaKind.FormEncoded && BrassRingFormBody.Envelope(body) is null)
        {
            return Unsupported($"The form-encoded body has no {BrassRingFormBody.EnvelopeFieldName} field holding a BrassRing envelope. " +
                "Send native JSON with Content-Type: application/json, or a BrassRing envelope as text/xml (or in an HRXMLDOC form field).");
        }

        var brassRing = BrassRingEnvelopeReader.Read(contentType, body);
        return brassRing.Outcome switch
        {
            BrassRingReadOutcome.Parsed => InterpretBrassRing(brassRing.Envelope!),
            BrassRingReadOutcome.Malformed => Malformed(brassRing),
            _ => InterpretNative(body),
        };
    }

    private static Interpretation Unsupported(string message) => new()
    {
        Shape = RequestShape.Native,
        UnsupportedMediaType = true,
        Errors = [new FieldError("Content-Type", ErrorCodes.UnsupportedMediaType, message)],
    };

    /// <summary>
    /// Every candidate packet is read as a request of its own (completed by the requisition packets). The top-level
    /// request and mapping are the first packet's; the errors are every packet's, so the envelope is valid only when
    /// all its packets are.
    /// </summary>
    private Interpretation InterpretBrassRing(BrassRingEnvelope envelope)
    {
        var packets = new List<PacketInterpretation>();
        var packetIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var packet in envelope.CandidatePackets)
        {
            packets.Add(packetIds.Add(packet.PacketId) ? InterpretPacket(envelope, packet) : RepeatedPacketId(envelope, packet));
        }

        var first = packets[0];
        var errors = packets.SelectMany(packet => packet.Errors).ToList();
        return new Interpretation
        {
            Shape = RequestShape.BrassRing,
            Envelope = envelope,
            Packets = packets,
            Mapping = first.Mapping,
            Request = errors.Count == 0 ? first.Request : null,
            Errors = errors,
            ProblemDescription = first.ProblemDescription ?? packets.FirstOrDefault(packet => !packet.IsValid)?.ProblemDescription,
        };
    }

    private PacketInterpretation InterpretPacket(BrassRingEnvelope envelope, BrassRingPacket packet)
    {
        var mapping = _brassRingMapper.Map(envelope, packet);
        var normalized = RequestNormalizer.Normalize(mapping.Request);
        var errors = RequestErrors.Collect(normalized);
        return new PacketInterpretation
        {
            Packet = packet,
            Mapping = mapping,
            Request = errors.Count == 0 ? normalized.Request : null,
            Errors = errors,
            ProblemDescription = errors.Count == 0 ? null : BrassRingProblemDescriber.Describe(errors, mapping),
        };
    }

    /// <summary>Packets are told apart (and de-duplicated) by PacketId, so a second packet with the same id is refused.</summary>
    private PacketInterpretation RepeatedPacketId(BrassRingEnvelope envelope, BrassRingPacket packet)
    {
        var reason = $"PacketId \"{packet.PacketId}\" appears more than once in this transaction; each candidate packet needs its own PacketId.";
        return InterpretPacket(envelope, packet) with
        {
            Request = null,
            Errors = [new FieldError("PacketId", BrassRingErrorCodes.RepeatedPacketId, reason)],
            ProblemDescription = reason,
        };
    }

    private static Interpretation Malformed(BrassRingReadResult read) => new()
    {
        Shape = RequestShape.BrassRing,
        Envelope = read.Envelope,
        MalformedReason = read.Reason,
        ProblemDescription = read.Reason,
        Errors = [new FieldError("$", read.Code ?? BrassRingErrorCodes.MalformedEnvelope, read.Reason ?? "The BrassRing envelope could not be read.")],
    };

    private static Interpretation InterpretNative(ReadOnlyMemory<byte> body)
    {
        var read = NativeJsonReader.Read(body);
        if (read.Error is { } error) return new Interpretation { Shape = RequestShape.Native, Errors = [error] };
        return Native(RequestNormalizer.Normalize(read.Body!));
    }

    private static Interpretation Native(NormalizationResult normalized)
    {
        var errors = RequestErrors.Collect(normalized);
        return new Interpretation
        {
            Shape = RequestShape.Native,
            Request = errors.Count == 0 ? normalized.Request : null,
            Errors = errors,
        };
    }
}
