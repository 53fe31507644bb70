using System.Text;
using System.Xml;

namespace InterviewAlerts.Core.BrassRing;

/// <summary>
/// Writes the synchronous answer BrassRing expects: the request envelope mirrored with transactType and
/// packetType "response", a Status in TransactInfo and in every PacketInfo, and empty Payloads.
/// </summary>
public static class BrassRingResponseWriter
{
    public const string ContentType = "application/xml; charset=utf-8";

    private const string DefaultVersion = "01.00";

    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        OmitXmlDeclaration = false,
        CheckCharacters = true,
    };

    /// <param name="request">The request as read, or salvaged; null when nothing could be read.</param>
    public static byte[] Write(BrassRingEnvelope? request, BrassRingStatus status) => Write(request, status, _ => status);

    /// <summary>The answer with a Status of its own for each packet (each candidate packet is a request of its own).</summary>
    /// <param name="status">The transaction's Status (TransactInfo).</param>
    /// <param name="packetStatus">The Status of each mirrored packet.</param>
    public static byte[] Write(BrassRingEnvelope? request, BrassRingStatus status, Func<BrassRingPacket, BrassRingStatus> packetStatus)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(packetStatus);
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, Settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("Envelope");
            writer.WriteAttributeString("version", Clean(request?.Version is { Length: > 0 } version ? version : DefaultVersion));

            writer.WriteStartElement("Sender");
            writer.WriteElementString("Id", Clean(request?.SenderId));
            writer.WriteElementString("Credential", Clean(request?.SenderCredential));
            writer.WriteEndElement();

            writer.WriteStartElement("Recipient");
            writer.WriteElementString("Id", Clean(request?.RecipientId));
            writer.WriteEndElement();

            writer.WriteStartElement("TransactInfo");
            writer.WriteAttributeString("transactType", "response");
            writer.WriteElementString("TransactId", Clean(request?.TransactId));
            writer.WriteElementString("TimeStamp", Clean(request?.TimeStamp));
            WriteStatus(writer, status);
            writer.WriteEndElement();

            foreach (var packet in PacketsToMirror(request))
            {
                WritePacket(writer, packet, packetStatus(packet));
            }

            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// BrassRing looks for a Status per packet; when no packet could be read, answer for packet 1 (the candidate
    /// packet of every real export) rather than with none.
    /// </summary>
    private static IEnumerable<BrassRingPacket> PacketsToMirror(BrassRingEnvelope? request) =>
        request is { Packets.Count: > 0 } ? request.Packets : [new BrassRingPacket { PacketId = "1" }];

    private static void WritePacket(XmlWriter writer, BrassRingPacket packet, BrassRingStatus status)
    {
        writer.WriteStartElement("Packet");
        writer.WriteStartElement("PacketInfo");
        writer.WriteAttributeString("packetType", "response");
        writer.WriteElementString("PacketId", Clean(packet.PacketId));
        writer.WriteElementString("Action", Clean(packet.Action));
        writer.WriteElementString("Manifest", Clean(packet.Manifest));
        WriteStatus(writer, status);
        writer.WriteEndElement();
        writer.WriteElementString("Payload", "");
        writer.WriteEndElement();
    }

    private static void WriteStatus(XmlWriter writer, BrassRingStatus status)
    {
        writer.WriteStartElement("Status");
        writer.WriteElementString("Code", status.Code.ToString(System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteElementString("ShortDescription", Clean(status.ShortDescription));
        writer.WriteElementString("LongDescription", Clean(status.LongDescription));
        writer.WriteEndElement();
    }

    /// <summary>
    /// Drops characters XML 1.0 cannot carry (a JSON-rendered request may hold control characters), so echoing
    /// a value can never make the answer fail. XmlWriter escapes everything else.
    /// </summary>
    private static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var clean = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                clean.Append(c).Append(value[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }
}
