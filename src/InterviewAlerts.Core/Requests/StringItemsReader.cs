using System.Buffers;
using System.Text;
using System.Text.Json;

namespace InterviewAlerts.Core.Requests;

/// <summary>
/// Lists of plain strings read straight from a <see cref="Utf8JsonReader"/>, item by item, as <see cref="LooseLists"/>
/// reads such items (trimmed strings, blank ones dropped; numbers as their JSON text; nulls dropped). Anything else
/// gives null, and the caller takes the general path, which gives the exact answer and errors.
/// </summary>
internal static class StringItemsReader
{
    /// <summary>The items of the array at the reader (which then ends on its end token), or null at an item of another kind.</summary>
    public static List<string>? TryRead(ref Utf8JsonReader reader)
    {
        var items = new List<string>();
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndArray) return items;
            if (!TryAddItem(ref reader, items)) return null;
        }

        return null;
    }

    /// <summary>
    /// Adds the string, number or null item at the reader as the lists read it (a null or blank string adds nothing);
    /// false, adding nothing, for a token of another kind.
    /// </summary>
    public static bool TryAddItem(ref Utf8JsonReader reader, List<string> items)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                if (LooseScalars.Blank(reader.GetString()!) is { } text) items.Add(text);
                return true;
            case JsonTokenType.Number:
                items.Add(Encoding.UTF8.GetString(reader.ValueSpan));
                return true;
            case JsonTokenType.Null:
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// The items of the JSON array the string at the reader holds (a team as Paradox documents it), read from the
    /// string's bytes without making the string; null when it holds anything else, or anything unusual (text around
    /// the array, an item of another kind, an escape that does not decode), which the string path then answers.
    /// </summary>
    /// <remarks>
    /// Equal to what <see cref="LooseLists.Team"/> reads from the string: JSON whitespace around the array is what
    /// trimming would have removed, and a body that reaches the end of its reading is valid UTF-8 with no lone
    /// surrogate escape, so its unescaped bytes are the UTF-8 of the string.
    /// </remarks>
    public static List<string>? TryReadArrayText(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped) return TryReadArray(reader.ValueSpan);

        var rented = ArrayPool<byte>.Shared.Rent(reader.ValueSpan.Length);
        try
        {
            var length = reader.CopyString(rented);
            return TryReadArray(rented.AsSpan(0, length));
        }
        catch (InvalidOperationException)
        {
            return null; // an escape that does not decode: the string path reports it as it always has
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static List<string>? TryReadArray(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) return null;
            var items = TryRead(ref reader);

            // The array has ended: only whitespace may follow (the reader throws on anything else).
            return items is null || reader.Read() ? null : items;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
