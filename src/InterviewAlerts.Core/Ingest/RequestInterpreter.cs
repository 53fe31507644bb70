using System.Text.Unicode;
using InterviewAlerts.Core.BrassRing;
using InterviewAlerts.Core.Native;
using InterviewAlerts.Core.Requests;
using InterviewAlerts.Core.Validation;

namespace InterviewAlerts.Core.Ingest;

/// <summary>
/// Detects the shape of a webhook body, reads it, maps it and validates it. Pure: no I/O, nothing queued.
/// Used by ingest, by the dry-run endpoint and by the onboarding preview tool.
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
        if (!MediaTypes.IsJsonOrUnspecified(contentType) && !IsBrassRingMediaType(contentType))
        {
            return new Interpretation
            {
                Shape = RequestShape.Native,
                UnsupportedMediaType = true,
                Errors = [new FieldError("Content-Type", ErrorCodes.UnsupportedMediaType,
                    $"Content type \"{contentType}\" is not supported; send application/json, or a BrassRing envelope as text/xml, application/xml or application/x-www-form-urlencoded.")],
            };
        }

        // Most JSON bodies are native requests: read them once, for both questions (envelope or not, and what request).
        // Only a body that the quick reading leaves undecided (not plain valid JSON, a repeated name, a name of the
        // envelope) takes the BrassRing reader and then the strict native reader, which give the exact answer.
        if (BrassRingMediaTypes.Classify(contentType) is BrassRingMediaKind.Json or BrassRingMediaKind.Unspecified
            && ReadNative(body) is { } native)
        {
            return native;
        }

        var brassRing = BrassRingEnvelopeReader.Read(contentType, body);
        return brassRing.Outcome switch
        {
            BrassRingReadOutcome.Parsed => InterpretBrassRing(brassRing.Envelope!),
            BrassRingReadOutcome.Malformed => Malformed(brassRing),
            _ => InterpretNative(body),
        };
    }

    private static readonly Func<string, bool> MayBeEnvelopeName = BrassRingJsonTree.MayBeEnvelopeName;

    private static bool IsBrassRingMediaType(string? contentType) =>
        MediaTypes.Essence(contentType) is "text/xml" or "application/xml" or "application/x-www-form-urlencoded";

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

    /// <summary>The native request of a body read in one pass, or null when the reading leaves it undecided.</summary>
    private static Interpretation? ReadNative(ReadOnlyMemory<byte> body)
    {
        if (!Utf8.IsValid(body.Span)) return null;
        var normalized = RequestNormalizer.Read(body, MayBeEnvelopeName);
        if (normalized is null || NativeJsonReader.HasLoneSurrogateEscape(body.Span)) return null;
        return Native(normalized);
    }

    /// <summary>The strict reading, for bodies the quick one leaves undecided and the BrassRing reader does not take.</summary>
    private static Interpretation InterpretNative(ReadOnlyMemory<byte> body)
    {
        var error = NativeJsonReader.TryParse(body, out var document);
        if (error is not null) return new Interpretation { Shape = RequestShape.Native, Errors = [error] };
        using (document)
        {
            // A document the strict reader accepts repeats no name, so the reading always decides.
            return Native(RequestNormalizer.Normalize(document!.RootElement)!);
        }
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
