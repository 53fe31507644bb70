using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace InterviewAlerts.Core.Requests;

/// <summary>
/// A text value held as UTF-8 bytes rather than a .NET string, for values that reach megabytes (the base64 resume
/// of a 14 MB request): as a string it would take twice its size (UTF-16) and be converted back to UTF-8 for the
/// Paradox body. Read from a body's JSON string without escapes, it is the body's own bytes, so the body must outlive
/// it (as it must outlive the request read from it). Written to JSON exactly as the same text in a string would be.
/// </summary>
[JsonConverter(typeof(Utf8TextConverter))]
public sealed class Utf8Text
{
    private readonly JsonElement _inBody;
    private readonly byte[]? _copy;
    private readonly int _start;
    private readonly int _length;

    private Utf8Text(JsonElement inBody, byte[]? copy, Range trimmed, int available)
    {
        _inBody = inBody;
        _copy = copy;
        (_start, _length) = trimmed.GetOffsetAndLength(available);
    }

    /// <summary>The text, UTF-8 encoded, without JSON escapes.</summary>
    public ReadOnlySpan<byte> Utf8 => _copy is null
        ? JsonMarshal.GetRawUtf8Value(_inBody).Slice(1 + _start, _length) // after the opening quote
        : _copy.AsSpan(_start, _length);

    /// <summary>
    /// A JSON string value without its surrounding whitespace; null when nothing else is left (as
    /// <see cref="LooseScalars.Blank"/>). A value read from a body is used in place unless it holds escapes.
    /// </summary>
    public static Utf8Text? FromJsonString(JsonValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.TryGetValue<JsonElement>(out var element)) return Blank(value.GetValue<string>());

        var raw = JsonMarshal.GetRawUtf8Value(element);
        var content = raw[1..^1];
        if (content.IndexOf((byte)'\\') < 0) return Trimmed(element, null, content);

        // Escapes are decoded once into a copy, which is never longer than the escaped text.
        var reader = new Utf8JsonReader(raw);
        reader.Read();
        var copy = new byte[content.Length];
        var written = reader.CopyString(copy);
        return Trimmed(default, copy, copy.AsSpan(0, written));
    }

    /// <summary>The text of a string without its surrounding whitespace; null when nothing else is left.</summary>
    public static Utf8Text? Blank(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetBytes(text);
        return Trimmed(default, bytes, bytes);
    }

    /// <summary>The text as a string (for messages and tests; the point of the type is not to need it).</summary>
    public override string ToString() => Encoding.UTF8.GetString(Utf8);

    private static Utf8Text? Trimmed(JsonElement inBody, byte[]? copy, ReadOnlySpan<byte> text)
    {
        // What string.Trim removes: every character char.IsWhiteSpace holds true for, from both ends.
        var start = 0;
        while (start < text.Length && Rune.DecodeFromUtf8(text[start..], out var rune, out var length) == System.Buffers.OperationStatus.Done && Rune.IsWhiteSpace(rune))
        {
            start += length;
        }

        var end = text.Length;
        while (end > start && Rune.DecodeLastFromUtf8(text[start..end], out var rune, out var length) == System.Buffers.OperationStatus.Done && Rune.IsWhiteSpace(rune))
        {
            end -= length;
        }

        return end == start ? null : new Utf8Text(inBody, copy, start..end, text.Length);
    }
}
