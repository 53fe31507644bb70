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

        // Most JSON bodies are native requests: read them once, for both questions (envelope or not, and what request).
        // Only a body that the quick reading leaves undecided (not plain valid JSON, a repeated name, a name of the
        // envelope) takes the BrassRing reader and then the strict native reader, which give the exact answer.
        if (mediaKind is BodyMediaKind.Json or BodyMediaKind.Unspecified && ReadNative(body) is { } native)
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

    private static Interpretation Unsupported(string message) => new()
    {
        Shape = RequestShape.Native,
        UnsupportedMediaType = true,
        Errors = [new FieldError("Content-Type", ErrorCodes.UnsupportedMediaType, message)],
    };

    private Interpretation InterpretBrassRing(BrassRingEnvelope envelope)
    {
        var mapping = _brassRingMapper.Map(envelope);
        var normalized = RequestNormalizer.Normalize(mapping.Request);
        var errors = RequestErrors.Collect(normalized);
        return new Interpretation
        {
            Shape = RequestShape.BrassRing,
            Envelope = envelope,
            Mapping = mapping,
            Request = errors.Count == 0 ? normalized.Request : null,
            Errors = errors,
            ProblemDescription = errors.Count == 0 ? null : BrassRingProblemDescriber.Describe(errors, mapping),
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
