using System.Text;

namespace InterviewAlerts.Core.Validation;

/// <summary>Checks the base64 resume: decodable, under 10 MB decoded, and of an accepted file type.</summary>
/// <remarks>
/// The resume is given as UTF-8 text (see <see cref="Requests.Utf8Text"/>); its characters are counted as a .NET
/// string would count them (UTF-16 code units, whitespace as <see cref="char.IsWhiteSpace(char)"/>), so the answer is
/// the same however the text is held.
/// </remarks>
public static class ResumeCheck
{
    /// <summary>Paradox: "Must be &lt;10mb"; read as 10 MiB, the decoded file must be smaller.</summary>
    public const int MaxBytesExclusive = 10 * 1024 * 1024;

    /// <summary>Base64 characters decoded at a time (a multiple of 4): the file is checked piece by piece, never held whole.</summary>
    private const int CharsPerPiece = 4096;

    public static FieldError? Check(string field, ReadOnlySpan<byte> base64)
    {
        // Four base64 characters carry three bytes, less one per "=" of padding; line breaks carry none.
        // Knowing the size before decoding refuses an oversized file without allocating for it.
        var (characters, significant) = Count(base64);
        if (significant % 4 != 0) return InvalidBase64(field, characters);
        var padding = TrailingPadding(base64);
        if (padding > 2) return InvalidBase64(field, characters);
        var size = ((long)significant / 4 * 3) - padding;
        if (size >= MaxBytesExclusive) return TooLarge(field, size);

        var type = DecodeAndDetect(base64);
        if (type is null) return InvalidBase64(field, characters);
        if (type == ResumeFileType.Unsupported)
        {
            return new FieldError(field, ErrorCodes.UnsupportedFileType,
                $"{field} must be a .pdf, .doc, .docx, .png, .jpg or .txt file (recognized by its first bytes; text must be UTF-8 without NUL bytes); the {size}-byte file is none of them.");
        }

        return null;
    }

    /// <summary>The text's length in UTF-16 code units, and how many of them are not whitespace.</summary>
    private static (int Characters, int Significant) Count(ReadOnlySpan<byte> text)
    {
        var characters = 0;
        var significant = 0;
        for (var i = 0; i < text.Length;)
        {
            if (text[i] < 0x80)
            {
                characters++;
                if (!char.IsWhiteSpace((char)text[i])) significant++;
                i++;
                continue;
            }

            Rune.DecodeFromUtf8(text[i..], out var rune, out var length);
            characters += rune.Utf16SequenceLength;
            if (!Rune.IsWhiteSpace(rune)) significant += rune.Utf16SequenceLength;
            i += length;
        }

        return (characters, significant);
    }

    /// <summary>
    /// Decodes the file piece by piece, as <see cref="Convert.TryFromBase64String"/> would decode it whole (skipping
    /// the whitespace it skips, "=" only at the end), and detects its type; null when it is not base64.
    /// </summary>
    private static ResumeFileType? DecodeAndDetect(ReadOnlySpan<byte> base64)
    {
        Span<char> piece = stackalloc char[CharsPerPiece];
        Span<byte> bytes = stackalloc byte[CharsPerPiece / 4 * 3];
        var type = new FileTypeDetector();
        var filled = 0;
        foreach (var b in base64)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') continue;
            if (b >= 0x80) return null; // every base64 character is ASCII
            if (filled == piece.Length)
            {
                // More follows, so padding here would be inside the text.
                if (piece.Contains('=') || !Convert.TryFromBase64Chars(piece, bytes, out var written)) return null;
                type.Add(bytes[..written], isLast: false);
                filled = 0;
            }

            piece[filled++] = (char)b;
        }

        if (!Convert.TryFromBase64Chars(piece[..filled], bytes, out var last)) return null;
        type.Add(bytes[..last], isLast: true);
        return type.Result;
    }

    /// <summary>The "=" among the whitespace and "=" at the end of the text.</summary>
    private static int TrailingPadding(ReadOnlySpan<byte> base64)
    {
        var padding = 0;
        var end = base64.Length;
        while (end > 0)
        {
            Rune.DecodeLastFromUtf8(base64[..end], out var rune, out var length);
            if (rune.Value == '=') padding++;
            else if (!Rune.IsWhiteSpace(rune)) break;
            end -= length;
        }

        return padding;
    }

    private static FieldError InvalidBase64(string field, int characters) => new(field, ErrorCodes.InvalidBase64,
        $"{field} must be the file encoded as base64 (standard alphabet, = padding); the {characters} characters received are not.");

    private static FieldError TooLarge(string field, long size) => new(field, ErrorCodes.FileTooLarge,
        $"{field} must be a file smaller than 10 MB (10485760 bytes); it decodes to {size} bytes.");
}
