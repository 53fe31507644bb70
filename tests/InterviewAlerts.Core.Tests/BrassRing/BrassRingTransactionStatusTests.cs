using InterviewAlerts.Core.BrassRing;

namespace InterviewAlerts.Core.Tests.BrassRing;

/// <summary>The transaction's Status is 200 only when every candidate packet's is; the worst packet decides the code.</summary>
public sealed class BrassRingTransactionStatusTests
{
    private static readonly BrassRingStatus One = BrassRingStatus.Accepted("ia_00000000000000000000000001");
    private static readonly BrassRingStatus Two = BrassRingStatus.Accepted("ia_00000000000000000000000002");
    private static readonly BrassRingStatus Bad = BrassRingStatus.DataProblem("Missing candidate email or phone (EMAIL): add one.");

    [Fact]
    public void Single_packet_transaction_carries_the_packets_own_status()
    {
        Assert.Same(Bad, BrassRingTransactionStatus.Of([("1", Bad)]));
        Assert.Same(One, BrassRingTransactionStatus.Of([("1", One)]));
    }

    [Fact]
    public void All_packets_queued_is_200_naming_every_tracking_id()
    {
        var status = BrassRingTransactionStatus.Of([("1", One), ("2", Two)]);

        Assert.Equal(200, status.Code);
        Assert.Contains("Packet 1: queued (Queued for Paradox; tracking id ia_00000000000000000000000001)", status.LongDescription, StringComparison.Ordinal);
        Assert.Contains("Packet 2: queued (Queued for Paradox; tracking id ia_00000000000000000000000002)", status.LongDescription, StringComparison.Ordinal);
    }

    [Fact]
    public void Mixed_transaction_is_405_and_says_which_packet_is_queued_and_what_to_fix_in_the_other()
    {
        var status = BrassRingTransactionStatus.Of([("1", One), ("2", Bad)]);

        Assert.Equal((405, "Data problem"), (status.Code, status.ShortDescription));
        Assert.Contains("Packet 1: queued", status.LongDescription, StringComparison.Ordinal);
        Assert.Contains("Packet 2 NOT queued: Missing candidate email or phone (EMAIL)", status.LongDescription, StringComparison.Ordinal);
    }

    [Fact]
    public void Storage_failure_on_any_packet_makes_the_transaction_503()
    {
        var status = BrassRingTransactionStatus.Of([("1", One), ("2", BrassRingStatus.Unavailable()), ("3", Bad)]);

        Assert.Equal(503, status.Code);
        Assert.Contains("Packet 2 NOT queued", status.LongDescription, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_descriptions_stay_within_the_limit_and_say_how_many_packets_were_left_out()
    {
        var long405 = BrassRingStatus.DataProblem(new string('x', 400));
        var status = BrassRingTransactionStatus.Of([.. Enumerable.Range(1, 6).Select(i => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), long405))]);

        Assert.True(status.LongDescription.Length <= BrassRingProblemDescriber.MaxLength);
        Assert.Matches(@"\(and \d more packets\)$", status.LongDescription);
    }
}
