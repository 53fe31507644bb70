using System.Text.Json;

namespace InterviewAlerts.Core.BrassRing;

/// <summary>
/// Recognises the JSON renderings that middleware makes of the envelope and turns them into the same
/// <see cref="BrassRingNode"/> tree as the XML. Handles "@attributes" objects, "@name" keys, plain keys,
/// "#text" values, {} for empty elements, one Packet as an object or several as an array.
/// </summary>
internal static class BrassRingJsonTree
{
    private static readonly string[] EnvelopeKeys = ["Sender", "TransactInfo", "Packet"];
    private static readonly string[] TextKeys = ["#text", "#cdata-section", "$", "_text", "_cdata"];

    private static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = BrassRingXmlTree.MaxDepth,
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The envelope tree, or null when the JSON is unreadable or does not hold the BrassRing keys.</summary>
    public static BrassRingNode? TryRead(ReadOnlyMemory<byte> utf8Json)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8Json, Options);
            var envelope = FindEnvelope(document.RootElement);
            if (envelope is null) return null;

            var root = new BrassRingNode("Envelope");
            Fill(root, envelope.Value);
            return root;
        }
        catch (JsonException)
        {
            return null; // Not readable JSON: the native reader reports it in its own terms.
        }
    }

    private static JsonElement? FindEnvelope(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return null;
        if (HasEnvelopeKeys(root)) return root;
        foreach (var property in root.EnumerateObject())
        {
            var isWrapper = BrassRingNode.LocalName(property.Name).Equals("Envelope", StringComparison.OrdinalIgnoreCase);
            if (isWrapper && property.Value.ValueKind == JsonValueKind.Object && HasEnvelopeKeys(property.Value))
                return property.Value;
        }

        return null;
    }

    private static bool HasEnvelopeKeys(JsonElement candidate) =>
        EnvelopeKeys.All(key => candidate.EnumerateObject().Any(property =>
            BrassRingNode.LocalName(property.Name).Equals(key, StringComparison.OrdinalIgnoreCase)));

    private static void Fill(BrassRingNode node, JsonElement element)
    {
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            if (name.StartsWith("xmlns", StringComparison.OrdinalIgnoreCase) || name.StartsWith("@xmlns", StringComparison.OrdinalIgnoreCase))
                continue;

            if (name.Equals("@attributes", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var attribute in property.Value.EnumerateObject())
                    node.Attributes.Add(new(BrassRingNode.LocalName(attribute.Name), ScalarText(attribute.Value)));
            }
            else if (TextKeys.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                node.AppendText(ScalarText(property.Value));
            }
            else if (name.StartsWith('@') || name.StartsWith('-'))
            {
                node.Attributes.Add(new(BrassRingNode.LocalName(name[1..]), ScalarText(property.Value)));
            }
            else
            {
                AddChild(node, name, property.Value);
            }
        }
    }

    private static void AddChild(BrassRingNode parent, string name, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray()) AddChild(parent, name, item);
                break;
            case JsonValueKind.Object:
                var child = new BrassRingNode(name);
                Fill(child, value);
                parent.Children.Add(child);
                break;
            default:
                var leaf = new BrassRingNode(name);
                leaf.AppendText(ScalarText(value));
                parent.Children.Add(leaf);
                break;
        }
    }

    private static string ScalarText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Null or JsonValueKind.Undefined or JsonValueKind.Object or JsonValueKind.Array => "",
        _ => value.GetRawText(),
    };
}
