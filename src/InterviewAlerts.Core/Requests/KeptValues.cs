using System.Buffers;
using System.Text.Json;
using InterviewAlerts.Core.Native;

namespace InterviewAlerts.Core.Requests;

/// <summary>
/// The values of one body that must become <see cref="JsonElement"/>s (objects, arrays with other than string items,
/// unknown fields), noted during the reader pass and then parsed together into one document: a document costs about
/// as much to set up as a small value costs to parse, so one for all of them instead of one each.
/// </summary>
internal sealed class KeptValues
{
    /// <summary>The pass has already checked the depth inside the body; the document wraps the values in one more array.</summary>
    internal static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = NativeJsonReader.MaxDepth + 1 };

    private readonly List<Kept> _values = [];
    private readonly List<(int Start, int Length)> _spans = [];

    /// <summary>A value of the body, and where its field's errors go in the list of errors.</summary>
    /// <param name="Index">The known field's index in <see cref="FieldNames.All"/>, or -1 for an unknown name.</param>
    internal readonly record struct Kept(int Index, string? Name, int ErrorPosition);

    public int Count => _values.Count;

    public Kept this[int i] => _values[i];

    /// <summary>Notes the value the reader is at (its first token) and moves the reader to its last token.</summary>
    public void Add(ref Utf8JsonReader reader, int index, string? name, int errorPosition)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip(); // a container is skipped to its end token; a scalar stays where it is
        Add(index, name, start, (int)reader.BytesConsumed - start, errorPosition);
    }

    /// <summary>Notes a value already read over: its bytes are <c>body[start..(start + length)]</c>.</summary>
    public void Add(int index, string? name, int start, int length, int errorPosition)
    {
        _values.Add(new Kept(index, name, errorPosition));
        _spans.Add((start, length));
    }

    /// <summary>Every value noted, as the items of one array, in the order noted: <c>[value0,value1,…]</c>.</summary>
    public JsonElement Parse(ReadOnlySpan<byte> utf8Json)
    {
        var rented = ArrayPool<byte>.Shared.Rent(ArrayTextLength(_spans));
        try
        {
            var written = WriteArrayText(utf8Json, _spans, rented);

            // JsonElement.Parse copies the text into a document of its own that needs no disposal: the elements
            // (and the nodes made of them) stay valid after the rented buffer goes back.
            return JsonElement.Parse(rented.AsSpan(0, written), DocumentOptions);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Values of a body as the items of one array text, in an array of their own.</summary>
    public static byte[] ArrayText(ReadOnlySpan<byte> utf8Json, List<(int Start, int Length)> spans)
    {
        var text = new byte[ArrayTextLength(spans)];
        WriteArrayText(utf8Json, spans, text);
        return text;
    }

    private static int ArrayTextLength(List<(int Start, int Length)> spans)
    {
        var size = 1 + Math.Max(1, spans.Count); // the brackets and the commas between values
        foreach (var (_, length) in spans) size += length;
        return size;
    }

    private static int WriteArrayText(ReadOnlySpan<byte> utf8Json, List<(int Start, int Length)> spans, Span<byte> destination)
    {
        var written = 0;
        destination[written++] = (byte)'[';
        for (var i = 0; i < spans.Count; i++)
        {
            if (i > 0) destination[written++] = (byte)',';
            utf8Json.Slice(spans[i].Start, spans[i].Length).CopyTo(destination[written..]);
            written += spans[i].Length;
        }

        destination[written++] = (byte)']';
        return written;
    }
}
