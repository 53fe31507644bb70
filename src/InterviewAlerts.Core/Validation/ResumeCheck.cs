namespace InterviewAlerts.Core.Validation;

/// <summary>Checks the base64 resume: decodable, under 10 MB decoded, and of an accepted file type.</summary>
public static class ResumeCheck
{
    /// <summary>Paradox: "Must be &lt;10mb"; read as 10 MiB, the decoded file must be smaller.</summary>
    public const int MaxBytesExclusive = 10 * 1024 * 1024;

    public static FieldError? Check(string field, string base64)
    {
        ArgumentNullException.ThrowIfNull(base64);

        // Four base64 characters carry three bytes, less one per "=" of padding; line breaks carry none.
        // Knowing the size before decoding refuses an oversized file without allocating for it.
        var significant = 0;
        foreach (var c in base64)
        {
            if (!char.IsWhiteSpace(c)) significant++;
        }

        if (significant % 4 != 0) return InvalidBase64(field, base64);
        var padding = TrailingPadding(base64);
        if (padding > 2) return InvalidBase64(field, base64);
        var size = ((long)significant / 4 * 3) - padding;
        if (size >= MaxBytesExclusive) return TooLarge(field, size);

        var buffer = new byte[size];
        if (!Convert.TryFromBase64String(base64, buffer, out var length)) return InvalidBase64(field, base64);

        if (FileSignatures.Detect(buffer.AsSpan(0, length)) == ResumeFileType.Unsupported)
        {
            return new FieldError(field, ErrorCodes.UnsupportedFileType,
                $"{field} must be a .pdf, .doc, .docx, .png, .jpg or .txt file (recognized by its first bytes; text must be UTF-8 without NUL bytes); the {length}-byte file is none of them.");
        }

        return null;
    }

    private static int TrailingPadding(string base64)
    {
        var padding = 0;
        for (var i = base64.Length - 1; i >= 0 && (base64[i] == '=' || char.IsWhiteSpace(base64[i])); i--)
        {
            if (base64[i] == '=') padding++;
        }

        return padding;
    }

    private static FieldError InvalidBase64(string field, string base64) => new(field, ErrorCodes.InvalidBase64,
        $"{field} must be the file encoded as base64 (standard alphabet, = padding); the {base64.Length} characters received are not.");

    private static FieldError TooLarge(string field, long size) => new(field, ErrorCodes.FileTooLarge,
        $"{field} must be a file smaller than 10 MB (10485760 bytes); it decodes to {size} bytes.");
}
