using InterviewAlerts.Core.Validation;

namespace InterviewAlerts.Core.Requests;

/// <summary>The typed request, or every problem found while reading the loose values.</summary>
public sealed record NormalizationResult(InterviewRequest? Request, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Request is not null && Errors.Count == 0;

    /// <summary>
    /// Everything that could be read, the fields with type errors left absent. Set even when
    /// <see cref="Errors"/> is not empty, so the remaining rules can still be checked in the same answer.
    /// </summary>
    public InterviewRequest? Readable { get; init; }
}
