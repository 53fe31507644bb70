using InterviewAlerts.Core.BrassRing;
using static InterviewAlerts.Core.Tests.BrassRing.BrassRingSamples;

namespace InterviewAlerts.Core.Tests.BrassRing;

public sealed class BrassRingEnvelopeReaderTests
{
    [Fact]
    public void Reads_envelope_values_and_flat_payload_fields_as_written()
    {
        var result = BrassRingEnvelopeReader.Read("text/xml", Bytes(Envelope("<CANDIDATEID>5530127</CANDIDATEID><email> dana@example.org </email>")));

        Assert.Equal(BrassRingReadOutcome.Parsed, result.Outcome);
        var envelope = result.Envelope!;
        Assert.Equal(("01.00", "ACME_INTEG", "31207", "", "TX-1", "2025-03-04 14:07 PM"),
            (envelope.Version, envelope.SenderId, envelope.SenderCredential, envelope.RecipientId, envelope.TransactId, envelope.TimeStamp));
        var packet = Assert.Single(envelope.Packets);
        Assert.Equal(("1", "SET", Manifest, Manifest), (packet.PacketId, packet.Action, packet.Manifest, packet.PayloadRootName));
        Assert.Equal([new("CANDIDATEID", "5530127"), new("email", "dana@example.org")], packet.Fields);
    }

    [Fact]
    public void Body_over_one_mebibyte_is_refused_as_too_large()
    {
        var padding = new string(' ', BrassRingEnvelopeReader.MaxBodyBytes);
        var result = BrassRingEnvelopeReader.Read("text/xml", Bytes(Envelope(CompleteFields) + padding));

        Assert.Equal(BrassRingReadOutcome.Malformed, result.Outcome);
        Assert.Equal(BrassRingErrorCodes.TooLarge, result.Code);
        Assert.Contains("1 MiB", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json", "{\"ex_id\":\"1\"}")]
    [InlineData(null, "{\"Sender\":{},\"Packet\":{}}")]
    [InlineData(null, "not json either")]
    [InlineData("text/plain", "<Envelope/>")]
    public void Bodies_that_are_not_BrassRing_are_left_to_the_native_reader(string? contentType, string body)
    {
        Assert.Equal(BrassRingReadOutcome.NotBrassRing, BrassRingEnvelopeReader.Read(contentType, Bytes(body)).Outcome);
    }

    [Fact]
    public void Doctype_is_refused_without_resolving_the_external_entity()
    {
        // If the entity were resolved the reader would try to open this path and fail differently.
        var body = "<?xml version=\"1.0\"?><!DOCTYPE Envelope [<!ENTITY x SYSTEM \"file:///nonexistent/secret\">]><Envelope><Sender><Id>&x;</Id></Sender></Envelope>";
        var result = BrassRingEnvelopeReader.Read("application/xml", Bytes(body));

        Assert.Equal(BrassRingErrorCodes.DoctypeRefused, result.Code);
        Assert.Null(result.Envelope);
        Assert.DoesNotContain("secret", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_payload_still_salvages_sender_transaction_and_packets_for_mirroring()
    {
        var result = BrassRingEnvelopeReader.Read("text/xml", Bytes(Envelope("<unclosed>")));

        Assert.Equal(BrassRingReadOutcome.Malformed, result.Outcome);
        Assert.Contains("Payload of packet 1", result.Reason, StringComparison.Ordinal);
        Assert.Equal("TX-1", result.Envelope!.TransactId);
        Assert.Equal("31207", result.Envelope.SenderCredential);
        Assert.Equal(Manifest, Assert.Single(result.Envelope.Packets).Manifest);
    }

    [Fact]
    public void Form_field_holding_JSON_envelope_is_read()
    {
        const string json = "{\"Sender\":{\"Credential\":\"31207\"},\"TransactInfo\":{\"TransactId\":\"TX-9\"},\"Packet\":{\"PacketInfo\":{\"PacketId\":\"1\"},\"Payload\":{\"CANDIDATEID\":\"7\"}}}";
        var result = BrassRingEnvelopeReader.Read("application/x-www-form-urlencoded", Bytes("HRXMLDOC=" + Uri.EscapeDataString(json)));

        Assert.Equal(BrassRingReadOutcome.Parsed, result.Outcome);
        Assert.Equal("TX-9", result.Envelope!.TransactId);
        Assert.Equal(new KeyValuePair<string, string>("CANDIDATEID", "7"), Assert.Single(result.Envelope.Packets[0].Fields));
    }

    [Theory]
    [InlineData("\u0000\u0001\u0002")]
    [InlineData("<Envelope><Packet>")]
    [InlineData("<<<>>>")]
    [InlineData("<?xml version=\"1.0\" encoding=\"nope\"?><Envelope/>")]
    public void Garbage_never_throws(string body)
    {
        foreach (var contentType in new[] { "text/xml", "application/x-www-form-urlencoded", null })
        {
            var result = BrassRingEnvelopeReader.Read(contentType, Bytes(body));
            Assert.NotEqual(BrassRingReadOutcome.Parsed, result.Outcome);
            if (result.Outcome == BrassRingReadOutcome.Malformed) Assert.False(string.IsNullOrWhiteSpace(result.Reason));
        }
    }
}
