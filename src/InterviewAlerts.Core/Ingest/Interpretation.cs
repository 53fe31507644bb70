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

    /// <summary>How the BrassRing payload was mapped to Paradox fields.</summary>
    public BrassRingMapping? Mapping { get; init; }

    /// <summary>For BrassRing bodies with problems: the LongDescription in the client's own terms.</summary>
    public string? ProblemDescription { get; init; }

    /// <summary>Why a BrassRing body could not be read at all (answer with Status 405 and this reason).</summary>
    public string? MalformedReason { get; init; }

    /// <summary>A key equal for retransmissions of the same request: BrassRing's sender + transaction + packets.</summary>
    public string? IdempotencyKey => Shape == RequestShape.BrassRing ? Envelope?.IdempotencyKey : null;

    public bool IsValid => Request is not null && Errors.Count == 0 && !UnsupportedMediaType;
}
