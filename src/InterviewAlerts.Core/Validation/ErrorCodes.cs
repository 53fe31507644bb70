namespace InterviewAlerts.Core.Validation;

/// <summary>Stable error codes. Integrators match on these; never rename one.</summary>
public static class ErrorCodes
{
    public const string InvalidJson = "invalid_json";
    public const string NotAnObject = "not_an_object";
    public const string DuplicateKey = "duplicate_key";
    public const string Required = "required";
    public const string InvalidType = "invalid_type";
    public const string OutOfRange = "out_of_range";
    public const string NotAllowed = "not_allowed";
    public const string TooLong = "too_long";
    public const string CandidateUnidentifiable = "candidate_unidentifiable";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string TooLarge = "too_large";
}
