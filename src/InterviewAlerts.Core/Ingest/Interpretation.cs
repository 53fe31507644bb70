using InterviewAlerts.Core.BrassRing;
using InterviewAlerts.Core.Requests;
using InterviewAlerts.Core.Validation;

namespace InterviewAlerts.Core.Ingest;

/// <summary>How a body was understood: the shape, the canonical request if it is valid, or every problem.</summary>
public sealed record Interpretation
{
    public required RequestShape Shape { get; init; }

    /// <summary>Set when the body is valid: exactly what will be sent to Paradox.</summary>
    public InterviewRequest? Request { get; init; }

    /// <summary>Problems, named with Paradox field names.</summary>
    public IReadOnlyList<FieldError> Errors { get; init; } = [];

    /// <summary>True when the media type cannot be read at all (HTTP 415 for JSON callers).</summary>
    public bool UnsupportedMediaType { get; init; }

    /// <summary>The BrassRing envelope as read (or salvaged from a malformed body), to mirror in the answer.</summary>
    public BrassRingEnvelope? Envelope { get; init; }

    /// <summary>
    /// A readable BrassRing envelope's candidate packets, each its own request; empty otherwise. <see cref="Request"/>,
    /// <see cref="Mapping"/> and <see cref="ProblemDescription"/> describe the first of them, <see cref="Errors"/> all.
    /// </summary>
    public IReadOnlyList<PacketInterpretation> Packets { get; init; } = [];

    /// <summary>How the (first candidate) BrassRing packet was mapped to Paradox fields.</summary>
    public BrassRingMapping? Mapping { get; init; }

    /// <summary>For BrassRing bodies with problems: the LongDescription in the client's own terms.</summary>
    public string? ProblemDescription { get; init; }

    /// <summary>Why a BrassRing body could not be read at all (answer with Status 405 and this reason).</summary>
    public string? MalformedReason { get; init; }

    public bool IsValid => Request is not null && Errors.Count == 0 && !UnsupportedMediaType;
}
