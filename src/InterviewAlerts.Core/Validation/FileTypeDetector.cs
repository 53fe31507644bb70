using System.Text;

namespace InterviewAlerts.Core.Validation;

/// <summary>
/// <see cref="FileSignatures.Detect"/> for a file given in pieces, in order: the type is decided by the first piece's
/// magic bytes, or, for text, by every piece (valid UTF-8 across the pieces, no NUL byte).
/// </summary>
internal sealed class FileTypeDetector
{
    private readonly Decoder _utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
    private bool _started;
    private bool _empty = true;
    private bool _isText = true;

    public ResumeFileType Result { get; private set; } = ResumeFileType.Unsupported;

    public void Add(ReadOnlySpan<byte> piece, bool isLast)
    {
        if (!_started)
        {
            _started = true;
            Result = FileSignatures.DetectMagic(piece);
            if (Result != ResumeFileType.Unsupported) return;
        }
        else if (Result != ResumeFileType.Unsupported)
        {
            return;
        }

        _empty &= piece.IsEmpty;
        if (_isText) _isText = IsText(piece, isLast);
        if (isLast) Result = _isText && !_empty ? ResumeFileType.Txt : ResumeFileType.Unsupported;
    }

    private bool IsText(ReadOnlySpan<byte> piece, bool isLast)
    {
        if (piece.Contains((byte)0)) return false;
        try
        {
            // Decoded, not only counted: the decoder keeps a character split between two pieces for the next one.
            Span<char> chars = stackalloc char[piece.Length + 4];
            _utf8.GetChars(piece, chars, flush: isLast);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
