using System.Globalization;
using InterviewAlerts.Core.Ingest;
namespace InterviewAlerts.Core.BrassRing;

/// <summary>
/// Detects and reads a Kenexa BrassRing envelope: raw XML, XML in a form field (HRXMLDOC), or a JSON
/// rendering. Never throws for bad input: every failure is <see cref="BrassRingReadOutcome.Malformed"/> with a reason.
/// </summary>
public static class BrassRingEnvelopeReader
{
    /// <summary>Real exports are a few KB; 1 MiB is generous and bounds the work done on hostile bodies.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private const string EnvelopeRootName = "Envelope";

    public static BrassRingReadResult Read(string? contentType, ReadOnlyMemory<byte> body)
    {
        try
        {
            return ReadCore(MediaTypes.Classify(contentType), body);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A last line of defence: a reader bug must become a clear answer to BrassRing, not a 500.
            return BrassRingReadResult.Malformed(BrassRingErrorCodes.MalformedEnvelope, "The BrassRing envelope could not be read.");
        }
    }

    private static BrassRingReadResult ReadCore(BodyMediaKind kind, ReadOnlyMemory<byte> body)
    {
        if (kind is BodyMediaKind.Other) return BrassRingReadResult.NotBrassRing();

        var firstChar = FirstSignificantByte(body.Span);
        var expectsBrassRing = kind is BodyMediaKind.Xml or BodyMediaKind.FormEncoded
            || (kind is BodyMediaKind.Unspecified && firstChar == '<');

        if (body.Length > MaxBodyBytes)
        {
            return expectsBrassRing
                ? BrassRingReadResult.Malformed(BrassRingErrorCodes.TooLarge, string.Create(CultureInfo.InvariantCulture,
                    $"The body is {body.Length} bytes; BrassRing envelopes are accepted up to {MaxBodyBytes} bytes (1 MiB)."))
                : BrassRingReadResult.NotBrassRing();
        }

        return kind switch
        {
            BodyMediaKind.FormEncoded => ReadFormEncoded(body),
            BodyMediaKind.Xml => firstChar is null
                ? BrassRingReadResult.Malformed(BrassRingErrorCodes.MalformedEnvelope, "The body is empty; expected a BrassRing XML envelope.")
                : ReadXml(body),
            _ when firstChar == '<' => ReadXml(body),
            _ when firstChar == '{' => ReadJson(body, requireEnvelope: false),
            _ => BrassRingReadResult.NotBrassRing(),
        };
    }

    private static BrassRingReadResult ReadFormEncoded(ReadOnlyMemory<byte> body)
    {
        var envelope = BrassRingFormBody.Envelope(body);
        if (envelope is null)
        {
            return BrassRingReadResult.Malformed(BrassRingErrorCodes.MalformedEnvelope,
                $"The form-encoded body has no {BrassRingFormBody.EnvelopeFieldName} field holding the envelope.");
        }

        if (envelope.StartsWith('{'))
            return ReadJson(System.Text.Encoding.UTF8.GetBytes(envelope), requireEnvelope: true);
        if (envelope.Length == 0)
            return BrassRingReadResult.Malformed(BrassRingErrorCodes.MalformedEnvelope, "The HRXMLDOC field is empty; expected the BrassRing XML envelope.");
        return FromXmlTree(BrassRingXmlTree.Parse(envelope));
    }

    private static BrassRingReadResult ReadXml(ReadOnlyMemory<byte> body) => FromXmlTree(BrassRingXmlTree.Parse(body));

    private static BrassRingReadResult FromXmlTree(XmlTreeResult tree)
    {
        if (tree.Code == BrassRingErrorCodes.DoctypeRefused)
            return BrassRingReadResult.Malformed(tree.Code, $"The body contains {tree.Problem}.");
        if (tree.Root is null)
            return BrassRingReadResult.Malformed(tree.Code!, $"The body is {tree.Problem}; expected a BrassRing XML envelope.");
        if (!tree.Root.Name.Equals(EnvelopeRootName, StringComparison.OrdinalIgnoreCase))
            return BrassRingReadResult.Malformed(BrassRingErrorCodes.MalformedEnvelope,
                $"The XML root element is <{Truncate(tree.Root.Name)}>; a BrassRing export's root is <Envelope>.");
        return BrassRingEnvelopeBuilder.Build(tree.Root);
    }

    private static BrassRingReadResult ReadJson(ReadOnlyMemory<byte> body, bool requireEnvelope)
    {
        var tree = BrassRingJsonTree.TryRead(body);
        if (tree is not null) return BrassRingEnvelopeBuilder.Build(tree);
        return requireEnvelope
            ? BrassRingReadResult.Malformed(BrassRingErrorCodes.MalformedEnvelope, "The HRXMLDOC field holds JSON without the BrassRing keys Sender, TransactInfo and Packet.")
            : BrassRingReadResult.NotBrassRing();
    }

    /// <summary>The first byte that is not whitespace or a UTF-8 byte order mark, or null for an empty body.</summary>
    private static char? FirstSignificantByte(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) body = body[3..];
        foreach (var b in body)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return (char)b;
        }

        return null;
    }

    private static string Truncate(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 60), "…");
}
