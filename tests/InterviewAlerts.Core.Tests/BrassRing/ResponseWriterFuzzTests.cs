using System.Text;
using System.Xml;
using CsCheck;
using InterviewAlerts.Core.BrassRing;
using InterviewAlerts.Core.Tests.Ingest;

namespace InterviewAlerts.Core.Tests.BrassRing;

/// <summary>BrassRing's answer is well-formed XML whatever text it carries: control characters, lone surrogates, markup.</summary>
public sealed class ResponseWriterFuzzTests
{
    private static readonly Gen<string> AnyText = Gen.Frequency(
        (3, Gen.String[0, 60]),
        (1, Gen.Char[(char)0, (char)0x2F].Array[0, 20].Select(chars => new string(chars))),
        (1, Gen.OneOf("]]>", "<![CDATA[", "&", "<Status>", "\uD800", "\uDC00\uD800", "\uFFFE", "\uFFFF", "\r\n", "\0", "😀", "&#0;")));

    [Fact]
    public void The_answer_is_well_formed_and_carries_the_status_for_any_text()
    {
        Gen.Select(Gen.Select(AnyText, AnyText, AnyText, AnyText), Gen.Select(AnyText, AnyText, AnyText), Gen.Int[-1, 999], Gen.Int[0, 3])
            .Sample(t =>
            {
                var ((version, sender, credential, transact), (packet, shortText, longText), code, packets) = t;
                var envelope = new BrassRingEnvelope
                {
                    Version = version,
                    SenderId = sender,
                    SenderCredential = credential,
                    RecipientId = packets % 2 == 0 ? null : sender,
                    TransactId = transact,
                    TimeStamp = longText,
                    Packets = [.. Enumerable.Range(0, packets).Select(i => new BrassRingPacket { PacketId = packet + i, Action = shortText, Manifest = transact })],
                };

                var answer = InterpreterFuzzTests.AssertWellFormed(
                    BrassRingResponseWriter.Write(packets == 3 ? null : envelope, new BrassRingStatus(code, shortText, longText)), code);

                Assert.Equal(Expected(longText), Normalized(answer.Element("TransactInfo")!.Element("Status")!.Element("LongDescription")!.Value));
                Assert.Equal(Math.Max(1, packets == 3 ? 1 : packets), answer.Elements("Packet").Count());
            }, iter: InterpreterFuzzTests.Iterations, print: t => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(t.ToString())));
    }

    /// <summary>The text as XML can carry it: characters XML 1.0 forbids are dropped, line ends read back as \n.</summary>
    private static string Expected(string text)
    {
        var kept = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) kept.Append(text[i]).Append(text[++i]);
            else if (XmlConvert.IsXmlChar(text[i])) kept.Append(text[i]);
        }

        return Normalized(kept.ToString());
    }

    private static string Normalized(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
}
