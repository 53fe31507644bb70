namespace InterviewAlerts.Core.BrassRing;

/// <summary>
/// Reads a packet's Payload: an inner XML document as text (CDATA or entity-escaped, with or without its own
/// declaration), already-nested elements, or an already-converted JSON object. Flattens it to leaf fields,
/// so requisition fields inside or beside REQFORM all come out.
/// </summary>
internal static class BrassRingPayloadReader
{
    public static PayloadReadResult Read(BrassRingNode? payload, string packetLabel)
    {
        if (payload is null)
            return PayloadReadResult.Fail(BrassRingErrorCodes.MalformedEnvelope, $"Packet {packetLabel} has no Payload.");

        var root = payload.HasChildren ? NestedRoot(payload) : null;
        if (root is null)
        {
            var text = payload.Text.Trim().TrimStart('\uFEFF').Trim();
            if (text.Length == 0)
                return PayloadReadResult.Fail(BrassRingErrorCodes.MalformedEnvelope, $"The Payload of packet {packetLabel} is empty.");
            var parsed = BrassRingXmlTree.Parse(text);
            if (parsed.Code == BrassRingErrorCodes.DoctypeRefused)
                return PayloadReadResult.Fail(parsed.Code, $"The Payload of packet {packetLabel} contains {parsed.Problem}.");
            if (parsed.Root is null)
                return PayloadReadResult.Fail(parsed.Code!, $"The Payload of packet {packetLabel} is {parsed.Problem}; it must be the export's XML document.");
            root = parsed.Root;
        }

        var fields = new List<KeyValuePair<string, string>>();
        Flatten(root, fields);
        var rootName = ReferenceEquals(root, payload) ? "" : root.Name;
        return new PayloadReadResult(rootName, fields, null, null);
    }

    /// <summary>
    /// Elements already inside the Payload: one wrapper element (the export's root) or, from some JSON
    /// converters, the fields directly.
    /// </summary>
    private static BrassRingNode NestedRoot(BrassRingNode payload)
    {
        if (payload.Children.Count == 1)
        {
            var only = payload.Children[0];
            if (only.HasChildren || only.Text.Trim().Length == 0) return only;
        }

        return payload;
    }

    private static void Flatten(BrassRingNode node, List<KeyValuePair<string, string>> fields)
    {
        foreach (var child in node.Children)
        {
            if (child.HasChildren) Flatten(child, fields);
            else fields.Add(new(child.Name, child.Text.Trim()));
        }
    }
}

internal sealed record PayloadReadResult(string RootName, IReadOnlyList<KeyValuePair<string, string>> Fields, string? Code, string? Problem)
{
    public static PayloadReadResult Fail(string code, string problem) => new("", [], code, problem);
}
