namespace InterviewAlerts.Core.Validation;

/// <summary>Stable error codes. Integrators match on these; never rename one, only add.</summary>
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

    /// <summary>The HTTP body is over the size limit (HTTP 413).</summary>
    public const string TooLarge = "too_large";

    /// <summary>An email field is not a well-formed address.</summary>
    public const string InvalidEmail = "invalid_email";

    /// <summary>A value does not have its documented textual shape (e.g. candidate_journey_status).</summary>
    public const string InvalidFormat = "invalid_format";

    /// <summary>interview_segments sent with an interview_type that is not sequential.</summary>
    public const string RequiresSequentialType = "requires_sequential_type";

    /// <summary>A round-robin team lists more members than Paradox allows.</summary>
    public const string TooManyMembers = "too_many_members";

    /// <summary>resume is not valid base64.</summary>
    public const string InvalidBase64 = "invalid_base64";

    /// <summary>resume decodes to 10 MB or more.</summary>
    public const string FileTooLarge = "file_too_large";

    /// <summary>resume is not a .pdf, .doc, .docx, .png, .jpg or .txt file.</summary>
    public const string UnsupportedFileType = "unsupported_file_type";
}
