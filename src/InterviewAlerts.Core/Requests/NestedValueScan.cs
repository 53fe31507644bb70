using System.Text.Json;

namespace InterviewAlerts.Core.Requests;

/// <summary>
/// Moves a reader over one object or array of a body and checks on the way what reading it from a document would
/// check later: whether an object in it repeats a name (as <see cref="Native.DuplicateNames"/> does) and, for an
/// array, what kinds its items are. This lets a value kept as given be noted without a document
/// (<see cref="DeferredValues"/>): its nodes are built only when the request is rendered.
/// </summary>
internal static class NestedValueScan
{
    /// <summary>Objects with more names than this, and escaped names, are left to the document route to check.</summary>
    private const int PairwiseLimit = 16;

    [ThreadStatic] private static List<(int Start, int Length)>? t_names;
    [ThreadStatic] private static List<int>? t_objects;

    /// <summary>What a scan found.</summary>
    /// <param name="RepeatsAName">An object repeats a name (the scan stopped there).</param>
    /// <param name="NamesUnchecked">
    /// Some names could not be compared here (an escaped name, an object with many names): only a document can tell
    /// whether one repeats.
    /// </param>
    internal readonly record struct Summary(bool RepeatsAName, bool NamesUnchecked, int ObjectItems, int ScalarItems, int OtherItems);

    /// <summary>
    /// Reads from the value's first token (an object or array start) to its last. Items of a top-level array are
    /// counted: objects, scalars (strings, numbers, nulls) and others (arrays, true, false).
    /// </summary>
    /// <param name="body">The bytes the reader reads (one span), to compare names by where they are.</param>
    /// <param name="scalarTexts">
    /// When given, the array's string, number and null items are added as the lists read them
    /// (<see cref="StringItemsReader.TryAddItem"/>).
    /// </param>
    public static Summary Skip(ref Utf8JsonReader reader, ReadOnlySpan<byte> body, List<string>? scalarTexts)
    {
        var names = t_names ??= [];
        var objects = t_objects ??= []; // where each open object's names start in names
        names.Clear();
        objects.Clear();

        var endDepth = reader.CurrentDepth;
        var itemDepth = reader.TokenType == JsonTokenType.StartArray ? endDepth + 1 : -1;
        if (reader.TokenType == JsonTokenType.StartObject) objects.Add(0);
        var namesUnchecked = false;
        int objectItems = 0, scalarItems = 0, otherItems = 0;

        while (reader.Read())
        {
            var token = reader.TokenType;
            if (reader.CurrentDepth == itemDepth)
            {
                switch (token)
                {
                    case JsonTokenType.StartObject: objectItems++; break;
                    case JsonTokenType.String or JsonTokenType.Number or JsonTokenType.Null:
                        scalarItems++;
                        if (scalarTexts is not null) StringItemsReader.TryAddItem(ref reader, scalarTexts);
                        break;
                    case JsonTokenType.StartArray or JsonTokenType.True or JsonTokenType.False: otherItems++; break;
                }
            }

            switch (token)
            {
                case JsonTokenType.StartObject:
                    objects.Add(names.Count);
                    break;
                case JsonTokenType.PropertyName when !namesUnchecked:
                    var first = objects[^1];
                    if (reader.ValueIsEscaped || names.Count - first >= PairwiseLimit)
                    {
                        namesUnchecked = true;
                        break;
                    }

                    var name = reader.ValueSpan;
                    for (var i = first; i < names.Count; i++)
                    {
                        // The caller gives the body up at once: no need to read on.
                        if (body.Slice(names[i].Start, names[i].Length).SequenceEqual(name)) return new Summary(true, false, 0, 0, 0);
                    }

                    names.Add(((int)reader.TokenStartIndex + 1, name.Length)); // after the opening quote
                    break;
                case JsonTokenType.EndObject:
                    names.RemoveRange(objects[^1], names.Count - objects[^1]);
                    objects.RemoveAt(objects.Count - 1);
                    break;
            }

            if (token is JsonTokenType.EndObject or JsonTokenType.EndArray && reader.CurrentDepth == endDepth) break;
        }

        return new Summary(false, namesUnchecked, objectItems, scalarItems, otherItems);
    }
}
