using System.Text.Json.Nodes;
using InterviewAlerts.Core.Requests;
using InterviewAlerts.Core.Validation;

namespace InterviewAlerts.Core.BrassRing.Mappings;

/// <summary>
/// Whether a configured value (a default, or the result of a translation) would be accepted for a Paradox field:
/// it goes through the same conversion, normalizer and validator as a request value, and only that field's own
/// problems count (a one-field request lacks everything else).
/// </summary>
internal static class MappingValueCheck
{
    public static IReadOnlyList<FieldError> Check(string field, string value)
    {
        var loose = new JsonObject { [field] = BrassRingMapper.Convert(field, value.Trim()) };
        var errors = RequestErrors.Collect(RequestNormalizer.Normalize(loose));
        return [.. errors.Where(error => error.Field == field
            || error.Field.StartsWith(field + "[", StringComparison.Ordinal)
            || error.Field.StartsWith(field + ".", StringComparison.Ordinal))];
    }
}
