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

    /// <summary>A key that is equal for retransmissions of the same request (set by shape readers that know one).</summary>
    public string? IdempotencyKey { get; init; }

    public bool IsValid => Request is not null && Errors.Count == 0 && !UnsupportedMediaType;
}
