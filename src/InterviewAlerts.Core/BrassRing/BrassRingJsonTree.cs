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
    private const int AllKeys = 0b111;
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
        // Most JSON bodies are native requests: a forward-only look at the property names rules them out without
        // building a document. It answers false for every body the full read below would answer null for.
        if (!MayHoldEnvelope(utf8Json.Span)) return null;

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
            if (IsEnvelopeName(BrassRingNode.LocalName(property.Name)) && property.Value.ValueKind == JsonValueKind.Object && HasEnvelopeKeys(property.Value))
                return property.Value;
        }

        return null;
    }

    /// <summary>
    /// True when the root object, or a property named Envelope whose value is an object, has the three envelope
    /// keys. False for anything else, including JSON that cannot be read (then the full read would fail as well).
    /// </summary>
    private static bool MayHoldEnvelope(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions
        {
            MaxDepth = Options.MaxDepth,
            CommentHandling = Options.CommentHandling,
            AllowTrailingCommas = Options.AllowTrailingCommas,
        });

        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            return ScanObject(ref reader, allowWrapper: true);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Unreadable JSON, or a name that does not decode (bytes that are not UTF-8, a lone surrogate escape):
            // not an envelope that can be read, so the native reader reports it as invalid JSON.
            return false;
        }
    }

    /// <summary>Reads one object from its StartObject; true as soon as it (or an Envelope wrapper in it) has the keys.</summary>
    private static bool ScanObject(ref Utf8JsonReader reader, bool allowWrapper)
    {
        var found = 0; // one bit per envelope key
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = BrassRingNode.LocalName(reader.GetString()!);
            var key = EnvelopeKeyIndex(name);
            if (key >= 0) found |= 1 << key;
            if (found == AllKeys) return true;

            if (!reader.Read()) return false;
            var isWrapper = allowWrapper && reader.TokenType == JsonTokenType.StartObject && IsEnvelopeName(name);
            if (isWrapper)
            {
                if (ScanObject(ref reader, allowWrapper: false)) return true;
            }
            else
            {
                reader.Skip();
            }
        }

        return false;
    }

    /// <summary>Which envelope key a local name is, in any case (an index in <see cref="EnvelopeKeys"/>), or -1.</summary>
    private static int EnvelopeKeyIndex(string localName) =>
        Array.FindIndex(EnvelopeKeys, key => key.Equals(localName, StringComparison.OrdinalIgnoreCase));

    private static bool IsEnvelopeName(string localName) => localName.Equals("Envelope", StringComparison.OrdinalIgnoreCase);

    private static bool HasEnvelopeKeys(JsonElement candidate)
    {
        var found = 0; // one bit per envelope key
        foreach (var property in candidate.EnumerateObject())
        {
            var key = EnvelopeKeyIndex(BrassRingNode.LocalName(property.Name));
            if (key >= 0) found |= 1 << key;
            if (found == AllKeys) return true;
        }

        return false;
    }

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
            else if (IsTextKey(name))
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

    private static bool IsTextKey(string name)
    {
        foreach (var key in TextKeys)
        {
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase)) return true;
        }

        return false;
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
