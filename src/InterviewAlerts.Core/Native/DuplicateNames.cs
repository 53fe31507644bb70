using System.Runtime.InteropServices;
using System.Text.Json;

namespace InterviewAlerts.Core.Native;

/// <summary>
/// Whether a JSON value repeats a property name in one of its objects, at any depth: what the parser refuses with
/// <c>AllowDuplicateProperties = false</c>. Names are compared as the parser compares them, decoded (so
/// <c>"a"</c> and <c>"\u0061"</c> are the same name) and ordinally.
/// </summary>
internal static class DuplicateNames
{
    /// <summary>Above this many properties, names go in a set instead of being compared pairwise.</summary>
    private const int PairwiseLimit = 16;

    public static bool In(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                if (RepeatsAName(value)) return true;
                foreach (var property in value.EnumerateObject())
                {
                    if (In(property.Value)) return true;
                }

                return false;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    if (In(item)) return true;
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>Whether two names are the same once decoded.</summary>
    public static bool SameName(JsonProperty a, JsonProperty b)
    {
        var rawA = JsonMarshal.GetRawUtf8PropertyName(a);
        if (!rawA.Contains((byte)'\\')) return b.NameEquals(rawA);
        var rawB = JsonMarshal.GetRawUtf8PropertyName(b);
        if (!rawB.Contains((byte)'\\')) return a.NameEquals(rawB);
        return string.Equals(a.Name, b.Name, StringComparison.Ordinal);
    }

    private static bool RepeatsAName(JsonElement obj)
    {
        var count = obj.GetPropertyCount();
        if (count < 2) return false;
        if (count > PairwiseLimit)
        {
            var names = new HashSet<string>(count, StringComparer.Ordinal);
            foreach (var property in obj.EnumerateObject())
            {
                if (!names.Add(property.Name)) return true;
            }

            return false;
        }

        var index = 0;
        foreach (var property in obj.EnumerateObject())
        {
            var earlier = 0;
            foreach (var other in obj.EnumerateObject())
            {
                if (earlier++ == index) break;
                if (SameName(property, other)) return true;
            }

            index++;
        }

        return false;
    }
}
