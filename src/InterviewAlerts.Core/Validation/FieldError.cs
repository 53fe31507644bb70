namespace InterviewAlerts.Core.Validation;

/// <summary>One problem with one field: the Paradox field name, a stable machine-readable code and a plain message.</summary>
/// <remarks>Messages may quote the received value for non-personal fields only (never names, emails or phones).</remarks>
public sealed record FieldError(string Field, string Code, string Message);
