using InterviewAlerts.Core.Validation;

namespace InterviewAlerts.Core.Requests;

/// <summary>The typed request, or every problem found while reading the loose values.</summary>
public sealed record NormalizationResult(InterviewRequest? Request, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Request is not null && Errors.Count == 0;
}
