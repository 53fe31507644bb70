using System.Text;

namespace InterviewAlerts.Core.Validation;

/// <summary>The resume file types Paradox accepts, recognized by their first bytes, not by a name.</summary>
public enum ResumeFileType
{
    Unsupported,
    Pdf,
    Doc,
    Docx,
    Png,
    Jpg,
    Txt,
}

/// <summary>Detects a resume's file type by its magic bytes; text is anything valid UTF-8 without NUL bytes.</summary>
public static class FileSignatures
{
    private static readonly byte[] PdfMagic = "%PDF"u8.ToArray();
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0]; // legacy Office compound file (.doc)
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04]; // .docx is a zip package
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static ResumeFileType Detect(ReadOnlySpan<byte> file)
    {
        var magic = DetectMagic(file);
        if (magic != ResumeFileType.Unsupported) return magic;
        return IsPlainText(file) ? ResumeFileType.Txt : ResumeFileType.Unsupported;
    }

    /// <summary>The type named by the file's first bytes (at most 8 are read); Unsupported when none matches.</summary>
    public static ResumeFileType DetectMagic(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(PdfMagic)) return ResumeFileType.Pdf;
        if (head.StartsWith(OleMagic)) return ResumeFileType.Doc;
        if (head.StartsWith(ZipMagic)) return ResumeFileType.Docx;
        if (head.StartsWith(PngMagic)) return ResumeFileType.Png;
        if (head.StartsWith(JpegMagic)) return ResumeFileType.Jpg;
        return ResumeFileType.Unsupported;
    }

    private static bool IsPlainText(ReadOnlySpan<byte> file)
    {
        if (file.IsEmpty || file.Contains((byte)0)) return false;
        try
        {
            StrictUtf8.GetCharCount(file);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
