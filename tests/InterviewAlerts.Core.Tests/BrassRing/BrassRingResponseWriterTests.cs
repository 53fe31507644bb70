using System.Text;
using System.Xml.Linq;
using InterviewAlerts.Core.BrassRing;

namespace InterviewAlerts.Core.Tests.BrassRing;

public sealed class BrassRingResponseWriterTests
{
    private static readonly BrassRingEnvelope Request = new()
    {
        Version = "01.00",
        SenderId = "ACME_INTEG",
        SenderCredential = "31207",
        RecipientId = "",
        TransactId = "TX<&>\"1",
        TimeStamp = "11/23/2009 08:54:28 AM PST",
        Packets =
        [
            new BrassRingPacket { PacketId = "1", Action = "SET", Manifest = "ACME_CANDIDATE" },
            new BrassRingPacket { PacketId = "2", Action = "", Manifest = "ACME_REQEXPORT" },
        ],
    };

    private static XDocument Parse(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("DOCTYPE", text, StringComparison.Ordinal);
        return XDocument.Parse(text);
    }

    [Fact]
    public void Mirrors_the_request_with_response_types_and_the_status_everywhere()
    {
        var root = Parse(BrassRingResponseWriter.Write(Request, BrassRingStatus.Accepted("7c1e-42"))).Root!;

        Assert.Equal("01.00", root.Attribute("version")!.Value);
        Assert.Equal(["Sender", "Recipient", "TransactInfo", "Packet", "Packet"], root.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("31207", root.Element("Sender")!.Element("Credential")!.Value);
        var transact = root.Element("TransactInfo")!;
        Assert.Equal("response", transact.Attribute("transactType")!.Value);
        Assert.Equal("TX<&>\"1", transact.Element("TransactId")!.Value);
        Assert.Equal("11/23/2009 08:54:28 AM PST", transact.Element("TimeStamp")!.Value);
        Assert.Equal("200", transact.Element("Status")!.Element("Code")!.Value);
        Assert.Contains("7c1e-42", transact.Element("Status")!.Element("LongDescription")!.Value, StringComparison.Ordinal);

        var infos = root.Elements("Packet").Select(p => p.Element("PacketInfo")!).ToList();
        Assert.All(infos, info => Assert.Equal("response", info.Attribute("packetType")!.Value));
        Assert.Equal(["1", "2"], infos.Select(i => i.Element("PacketId")!.Value));
        Assert.Equal(["SET", ""], infos.Select(i => i.Element("Action")!.Value));
        Assert.Equal(["ACME_CANDIDATE", "ACME_REQEXPORT"], infos.Select(i => i.Element("Manifest")!.Value));
        Assert.All(infos, info => Assert.Equal("200", info.Element("Status")!.Element("Code")!.Value));
        Assert.All(root.Elements("Packet"), packet => Assert.Equal("", packet.Element("Payload")!.Value));
    }

    [Fact]
    public void A_body_too_broken_to_mirror_still_gets_a_well_formed_envelope()
    {
        var root = Parse(BrassRingResponseWriter.Write(null, BrassRingStatus.DataProblem("The body is not well-formed XML."))).Root!;

        Assert.Equal("405", root.Element("TransactInfo")!.Element("Status")!.Element("Code")!.Value);
        Assert.Equal("", root.Element("TransactInfo")!.Element("TransactId")!.Value);
        Assert.Equal("1", Assert.Single(root.Elements("Packet")).Element("PacketInfo")!.Element("PacketId")!.Value);
    }

    [Fact]
    public void Characters_xml_cannot_carry_are_dropped_rather_than_failing()
    {
        var request = Request with { TransactId = "TX\u0001-2\uFFFE" };
        var root = Parse(BrassRingResponseWriter.Write(request, BrassRingStatus.Unauthorized())).Root!;

        Assert.Equal("TX-2", root.Element("TransactInfo")!.Element("TransactId")!.Value);
        Assert.Equal("401", root.Element("TransactInfo")!.Element("Status")!.Element("Code")!.Value);
    }
}
