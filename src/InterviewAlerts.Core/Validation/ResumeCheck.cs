namespace InterviewAlerts.Core.Validation;

/// <summary>Checks the base64 resume: decodable, under 10 MB decoded, and of an accepted file type.</summary>
public static class ResumeCheck
{
    /// <summary>Paradox: "Must be &lt;10mb"; read as 10 MiB, the decoded file must be smaller.</summary>
    public const int MaxBytesExclusive = 10 * 1024 * 1024;

    /// <summary>Base64 characters decoded at a time (a multiple of 4): the file is checked piece by piece, never held whole.</summary>
    private const int CharsPerPiece = 4096;

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

        var type = DecodeAndDetect(base64);
        if (type is null) return InvalidBase64(field, base64);
        if (type == ResumeFileType.Unsupported)
        {
            return new FieldError(field, ErrorCodes.UnsupportedFileType,
                $"{field} must be a .pdf, .doc, .docx, .png, .jpg or .txt file (recognized by its first bytes; text must be UTF-8 without NUL bytes); the {size}-byte file is none of them.");
        }

        return null;
    }

    /// <summary>
    /// Decodes the file piece by piece, as <see cref="Convert.TryFromBase64String"/> would decode it whole (skipping
    /// the whitespace it skips, "=" only at the end), and detects its type; null when it is not base64.
    /// </summary>
    private static ResumeFileType? DecodeAndDetect(string base64)
    {
        Span<char> piece = stackalloc char[CharsPerPiece];
        Span<byte> bytes = stackalloc byte[CharsPerPiece / 4 * 3];
        var type = new FileTypeDetector();
        var filled = 0;
        foreach (var c in base64)
        {
            if (c is ' ' or '\t' or '\r' or '\n') continue;
            if (filled == piece.Length)
            {
                // More follows, so padding here would be inside the text.
                if (piece.Contains('=') || !Convert.TryFromBase64Chars(piece, bytes, out var written)) return null;
                type.Add(bytes[..written], isLast: false);
                filled = 0;
            }

            piece[filled++] = c;
        }

        if (!Convert.TryFromBase64Chars(piece[..filled], bytes, out var last)) return null;
        type.Add(bytes[..last], isLast: true);
        return type.Result;
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
