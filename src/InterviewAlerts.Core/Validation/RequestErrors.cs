using InterviewAlerts.Core.Paradox;
using InterviewAlerts.Core.Requests;

namespace InterviewAlerts.Core.Validation;

/// <summary>
/// Every problem of a request in one list: the type errors of normalization, then the rule errors of the
/// fields that could be read. A field with a type error reads as absent, so rules that would only repeat
/// it ("required", "candidate cannot be identified") are left out.
/// </summary>
public static class RequestErrors
{
    private static readonly string[] IdentityFields =
        [FieldNames.Oid, FieldNames.ExId, FieldNames.JobApplicationId, FieldNames.UseApplicationIdForIdentity, FieldNames.Email, FieldNames.Phone];

    public static IReadOnlyList<FieldError> Collect(NormalizationResult normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var request = normalized.Request ?? normalized.Readable;
        if (request is null) return normalized.Errors;
        if (normalized.Errors.Count == 0) return InterviewRequestValidator.Validate(request);

        var unreadable = normalized.Errors.Select(error => error.Field).ToHashSet(StringComparer.Ordinal);

        // An identity field Paradox could not read may well have identified the candidate: say it once.
        if (IdentityFields.Any(unreadable.Contains)) unreadable.Add(FieldNames.Candidate);

        var ruleErrors = InterviewRequestValidator.Validate(request).Where(error => !unreadable.Contains(error.Field));
        return [.. normalized.Errors, .. ruleErrors];
    }
}
