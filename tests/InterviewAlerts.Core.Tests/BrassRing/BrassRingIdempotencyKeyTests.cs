using InterviewAlerts.Core.BrassRing;
using static InterviewAlerts.Core.Tests.BrassRing.BrassRingSamples;

namespace InterviewAlerts.Core.Tests.BrassRing;

public sealed class BrassRingIdempotencyKeyTests
{
    [Fact]
    public void Key_is_stable_for_a_retransmission_and_scoped_to_user_transaction_and_packet()
    {
        var first = Read(Envelope(CompleteFields, "TX-1"));
        var again = Read(Envelope(CompleteFields, "TX-1"));
        var key = BrassRingIdempotencyKey.For("acme", first, first.Packets[0]);

        Assert.Matches("^key-[0-9a-f]{64}$", key.RowKey);
        Assert.Equal(key, BrassRingIdempotencyKey.For("acme", again, again.Packets[0]));
        Assert.NotEqual(key, BrassRingIdempotencyKey.For("other-user", first, first.Packets[0]));
        var redo = Read(Envelope(CompleteFields, "TX-2"));
        Assert.NotEqual(key, BrassRingIdempotencyKey.For("acme", redo, redo.Packets[0]));
        var packet2 = Read(Envelope(CompleteFields, "TX-1", packetId: "2"));
        Assert.NotEqual(key, BrassRingIdempotencyKey.For("acme", packet2, packet2.Packets[0]));
        Assert.NotEqual(key, BrassRingIdempotencyKey.For("acme", first with { SenderCredential = "99999" }, first.Packets[0]));
    }

    [Fact]
    public void Parts_are_length_prefixed_so_shifting_text_between_them_changes_the_key()
    {
        var envelope = Read(Envelope(CompleteFields, "TX-1"));

        Assert.NotEqual(
            BrassRingIdempotencyKey.For("acme", envelope with { SenderId = "AB", SenderCredential = "C" }, envelope.Packets[0]),
            BrassRingIdempotencyKey.For("acme", envelope with { SenderId = "A", SenderCredential = "BC" }, envelope.Packets[0]));
    }

    private static BrassRingEnvelope Read(string xml) => BrassRingEnvelopeReader.Read("text/xml", Bytes(xml)).Envelope!;
}
