using System.Text;
using InterviewAlerts.Core.Validation;

namespace InterviewAlerts.Core.Tests.Validation;

public sealed class ResumeCheckTests
{
    /// <summary>The check reads the resume as UTF-8, the way it is held in the request.</summary>
    private static FieldError? Check(string text) => ResumeCheck.Check("resume", Encoding.UTF8.GetBytes(text));

    private static string Pdf(int size)
    {
        var file = new byte[size];
        "%PDF-1.7\n"u8.CopyTo(file);
        return Convert.ToBase64String(file);
    }

    [Fact]
    public void A_file_one_byte_under_10_MB_is_accepted()
    {
        Assert.Null(Check(Pdf(ResumeCheck.MaxBytesExclusive - 1)));
    }

    [Fact]
    public void A_file_of_exactly_10_MB_is_refused_with_its_size()
    {
        var error = Check(Pdf(ResumeCheck.MaxBytesExclusive));
        Assert.Equal(ErrorCodes.FileTooLarge, error!.Code);
        Assert.Contains("10485760 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_far_too_large_file_is_refused_before_decoding()
    {
        var error = Check(new string('A', 20_000_000));
        Assert.Equal(ErrorCodes.FileTooLarge, error!.Code);
    }

    [Theory]
    [InlineData("====")]
    [InlineData("QQ=")]
    [InlineData("not base64!")]
    [InlineData("QUJD\u0000")]
    public void Malformed_base64_is_refused(string text)
    {
        Assert.Equal(ErrorCodes.InvalidBase64, Check(text)!.Code);
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D }, ResumeFileType.Pdf)]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }, ResumeFileType.Doc)]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14 }, ResumeFileType.Docx)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00 }, ResumeFileType.Png)]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xDB }, ResumeFileType.Jpg)]
    [InlineData(new byte[] { 0x43, 0x56, 0x0A, 0xC3, 0xA9 }, ResumeFileType.Txt)]
    [InlineData(new byte[] { 0x43, 0x00, 0x56 }, ResumeFileType.Unsupported)]
    [InlineData(new byte[] { 0xC3, 0x28 }, ResumeFileType.Unsupported)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, ResumeFileType.Unsupported)]
    public void File_types_are_recognized_by_their_first_bytes(byte[] file, ResumeFileType expected)
    {
        Assert.Equal(expected, FileSignatures.Detect(file));
    }

    /// <summary>The file is decoded in pieces of 3,072 bytes: text is judged across them as if whole.</summary>
    [Theory]
    [InlineData(3071, -1, ResumeFileType.Txt)]
    [InlineData(3080, -1, ResumeFileType.Txt)]
    [InlineData(3091, -1, ResumeFileType.Txt)]
    [InlineData(100_000, -1, ResumeFileType.Txt)]
    [InlineData(100_000, 0, ResumeFileType.Unsupported)]
    [InlineData(100_000, 3072, ResumeFileType.Unsupported)]
    [InlineData(100_000, 99_999, ResumeFileType.Unsupported)]
    [InlineData(99_999, -1, ResumeFileType.Unsupported)]
    public void Text_split_across_pieces_is_judged_as_a_whole(int size, int nulAt, ResumeFileType expected)
    {
        // Characters of 2, 3 and 4 bytes, so every piece boundary cuts through one somewhere.
        var unit = "é中a😀\n"u8.ToArray();
        var file = new byte[size];
        for (var i = 0; i < size; i++) file[i] = unit[i % unit.Length];
        if (nulAt >= 0) file[nulAt] = 0;
        if (size == 99_999) file[^1] = 0xC3; // a character cut off at the end

        Assert.Equal(expected, FileSignatures.Detect(file));
        var error = Check(Convert.ToBase64String(file, Base64FormattingOptions.InsertLineBreaks));
        Assert.Equal(expected == ResumeFileType.Txt ? null : ErrorCodes.UnsupportedFileType, error?.Code);
        if (error is not null) Assert.Contains($"the {size}-byte file", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4, "QQ==")]
    [InlineData(4092, "QQ==")]
    [InlineData(4096, "QQ==")]
    [InlineData(50_000, "QQ==")]
    [InlineData(50_000, "\u00a0AAA")]
    [InlineData(50_000, "!AAA")]
    public void Padding_or_odd_characters_inside_a_long_resume_are_refused(int at, string inserted)
    {
        var base64 = Pdf(100_000).Insert(at, inserted);
        Assert.False(Convert.TryFromBase64String(base64, new byte[base64.Length], out _));
        Assert.Equal(ErrorCodes.InvalidBase64, Check(base64)!.Code);
    }

    /// <summary>Characters are counted as in a .NET string: UTF-16 code units, Unicode whitespace not significant.</summary>
    [Theory]
    [InlineData("QUJD\U0001F600", ErrorCodes.InvalidBase64, "the 6 characters received")]
    [InlineData("QUJD\u00e9\u4e2d", ErrorCodes.InvalidBase64, "the 6 characters received")]
    [InlineData("QUJD\u00a0", ErrorCodes.InvalidBase64, "the 5 characters received")]
    [InlineData("QUJD\u2003QUJD", ErrorCodes.InvalidBase64, "the 9 characters received")]
    public void Characters_beyond_ASCII_are_counted_as_a_string_counts_them(string text, string code, string expected)
    {
        var error = Check(text)!;
        Assert.Equal(code, error.Code);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unicode_whitespace_at_the_end_is_not_counted_in_the_size()
    {
        var error = Check(new string('A', 13_999_999) + "=\u2003\u00a0")!;
        Assert.Equal(ErrorCodes.FileTooLarge, error.Code);
        Assert.Contains("it decodes to 10499999 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Messages_give_the_shape_never_the_content()
    {
        var secret = Convert.ToBase64String("Ana Lima\0"u8.ToArray());
        var error = Check(secret)!;
        Assert.Equal(ErrorCodes.UnsupportedFileType, error.Code);
        Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Ana", error.Message, StringComparison.Ordinal);
    }
}
