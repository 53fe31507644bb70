using System.Xml;

namespace InterviewAlerts.Core.BrassRing;

/// <summary>
/// Reads XML into a <see cref="BrassRingNode"/> tree with hardened settings: no DTD (so no external entities
/// and no entity expansion), no resolver, a depth limit checked while reading, comments and PIs dropped.
/// Used for the envelope and, with the same settings, for the inner payload document.
/// </summary>
internal static class BrassRingXmlTree
{
    /// <summary>Real envelopes are about 5 levels deep (payload included separately).</summary>
    public const int MaxDepth = 32;

    private static XmlReaderSettings CreateSettings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = 4L * BrassRingEnvelopeReader.MaxBodyBytes,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    public static XmlTreeResult Parse(ReadOnlyMemory<byte> body) =>
        Parse(() => XmlReader.Create(new MemoryStream(body.ToArray(), writable: false), CreateSettings()), () => MentionsDoctype(body.Span));

    public static XmlTreeResult Parse(string text) =>
        Parse(() => XmlReader.Create(new StringReader(text), CreateSettings()), () => text.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Whether a body that failed to parse mentions a DOCTYPE, so the refusal names the real cause. Only consulted
    /// after a failure: a DOCTYPE string inside a CDATA payload is the payload's problem, reported there.
    /// </summary>
    private static bool MentionsDoctype(ReadOnlySpan<byte> utf8)
    {
        ReadOnlySpan<byte> marker = "<!DOCTYPE"u8;
        for (var start = utf8.IndexOf("<!"u8); start >= 0 && start + marker.Length <= utf8.Length;)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(utf8.Slice(start, marker.Length), marker)) return true;
            var next = utf8[(start + 2)..].IndexOf("<!"u8);
            start = next < 0 ? -1 : start + 2 + next;
        }

        return false;
    }

    private static XmlTreeResult Parse(Func<XmlReader> open, Func<bool> mentionsDoctype)
    {
        try
        {
            using var reader = open();
            return ReadTree(reader);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase) || mentionsDoctype())
        {
            // DtdProcessing.Prohibit stops at the DOCTYPE itself: nothing was expanded or fetched.
            return XmlTreeResult.Fail(BrassRingErrorCodes.DoctypeRefused, DoctypeReason);
        }
        catch (XmlException ex)
        {
            return XmlTreeResult.Fail(BrassRingErrorCodes.MalformedEnvelope,
                $"not well-formed XML (line {ex.LineNumber}, position {ex.LinePosition})");
        }
    }

    public const string DoctypeReason = "a DOCTYPE declaration, which is refused for security (DTDs and entities are never processed)";

    private static XmlTreeResult ReadTree(XmlReader reader)
    {
        var open = new Stack<BrassRingNode>();
        BrassRingNode? root = null;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (reader.Depth >= MaxDepth)
                        return XmlTreeResult.Fail(BrassRingErrorCodes.TooDeep, $"XML nested deeper than {MaxDepth} levels");
                    var node = ReadElement(reader);
                    if (open.Count == 0) root = node;
                    else open.Peek().Children.Add(node);
                    if (!reader.IsEmptyElement) open.Push(node);
                    break;
                case XmlNodeType.EndElement:
                    open.Pop();
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                    if (open.Count > 0) open.Peek().AppendText(reader.Value);
                    break;
            }
        }

        return root is null
            ? XmlTreeResult.Fail(BrassRingErrorCodes.MalformedEnvelope, "XML without a root element")
            : XmlTreeResult.Ok(root);
    }

    private static BrassRingNode ReadElement(XmlReader reader)
    {
        var node = new BrassRingNode(reader.LocalName);
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                var isNamespaceDeclaration = reader.Prefix == "xmlns" || reader.LocalName == "xmlns";
                if (!isNamespaceDeclaration) node.Attributes.Add(new(reader.LocalName, reader.Value));
            }
            while (reader.MoveToNextAttribute());

            reader.MoveToElement();
        }

        return node;
    }
}

internal sealed record XmlTreeResult(BrassRingNode? Root, string? Code, string? Problem)
{
    public static XmlTreeResult Ok(BrassRingNode root) => new(root, null, null);
    public static XmlTreeResult Fail(string code, string problem) => new(null, code, problem);
}
