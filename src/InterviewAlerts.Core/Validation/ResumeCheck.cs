namespace InterviewAlerts.Core.Validation;

/// <summary>Checks the base64 resume: decodable, under 10 MB decoded, and of an accepted file type.</summary>
public static class ResumeCheck
{
    /// <summary>Paradox: "Must be &lt;10mb"; read as 10 MiB, the decoded file must be smaller.</summary>
    public const int MaxBytesExclusive = 10 * 1024 * 1024;

    public static FieldError? Check(string field, string base64)
    {
        ArgumentNullException.ThrowIfNull(base64);

        // Four base64 characters carry three bytes (line breaks carry none): refuse an oversized file
        // before allocating for it.
        var significant = base64.Count(c => !char.IsWhiteSpace(c));
        var upperBound = (long)significant / 4 * 3;
        if (upperBound - 2 >= MaxBytesExclusive)
        {
            return new FieldError(field, ErrorCodes.FileTooLarge,
                $"{field} must be a file smaller than 10 MB; its {significant} base64 characters encode about {upperBound} bytes.");
        }

        var buffer = new byte[upperBound + 3];
        if (!Convert.TryFromBase64String(base64, buffer, out var length))
        {
            return new FieldError(field, ErrorCodes.InvalidBase64,
                $"{field} must be the file encoded as base64 (standard alphabet, = padding); the {base64.Length} characters received are not.");
        }

        if (length >= MaxBytesExclusive)
        {
            return new FieldError(field, ErrorCodes.FileTooLarge, $"{field} must be a file smaller than 10 MB; it decodes to {length} bytes.");
        }

        if (FileSignatures.Detect(buffer.AsSpan(0, length)) == ResumeFileType.Unsupported)
        {
            return new FieldError(field, ErrorCodes.UnsupportedFileType,
                $"{field} must be a .pdf, .doc, .docx, .png, .jpg or .txt file (recognized by its first bytes; text must be UTF-8 without NUL bytes); the {length}-byte file is none of them.");
        }

        return null;
    }
}
