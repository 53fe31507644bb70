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
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = NativeJsonReader.MaxDepth + 1 };

    private readonly List<Kept> _values = [];

    /// <summary>A value of the body, where it is, and where its field's errors go in the list of errors.</summary>
    /// <param name="Index">The known field's index in <see cref="FieldNames.All"/>, or -1 for an unknown name.</param>
    internal readonly record struct Kept(int Index, string? Name, int Start, int Length, int ErrorPosition);

    public int Count => _values.Count;

    public Kept this[int i] => _values[i];

    /// <summary>Notes the value the reader is at (its first token) and moves the reader to its last token.</summary>
    public void Add(ref Utf8JsonReader reader, int index, string? name, int errorPosition)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip(); // a container is skipped to its end token; a scalar stays where it is
        _values.Add(new Kept(index, name, start, (int)reader.BytesConsumed - start, errorPosition));
    }

    /// <summary>Every value noted, as the items of one array, in the order noted: <c>[value0,value1,…]</c>.</summary>
    public JsonElement Parse(ReadOnlySpan<byte> utf8Json)
    {
        var size = 2;
        foreach (var value in _values) size += value.Length + 1;
        var rented = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var written = 0;
            rented[written++] = (byte)'[';
            for (var i = 0; i < _values.Count; i++)
            {
                if (i > 0) rented[written++] = (byte)',';
                utf8Json.Slice(_values[i].Start, _values[i].Length).CopyTo(rented.AsSpan(written));
                written += _values[i].Length;
            }

            rented[written++] = (byte)']';

            // JsonElement.Parse copies the text into a document of its own that needs no disposal: the elements
            // (and the nodes made of them) stay valid after the rented buffer goes back.
            return JsonElement.Parse(rented.AsSpan(0, written), DocumentOptions);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
