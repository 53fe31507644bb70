using System.Text;
using InterviewAlerts.Core.BrassRing;
using InterviewAlerts.Core.Ingest;
using static InterviewAlerts.Core.Tests.BrassRing.MultiPacketEnvelopes;

namespace InterviewAlerts.Core.Tests.BrassRing;

/// <summary>Every candidate packet of an envelope is read as a request of its own, completed by the requisition packets.</summary>
public sealed class MultiPacketInterpretationTests
{
    [Fact]
    public void Each_candidate_packet_becomes_its_own_request_and_the_requisition_fills_both()
    {
        var interpretation = Interpret(Envelope("TX-M1",
            Packet("1", Candidate("101", "one@example.org", withDuration: false)),
            Packet("2", Candidate("102", "two@example.org", withDuration: false)),
            Packet("3", Requisition, RequisitionManifest)));

        Assert.True(interpretation.IsValid);
        Assert.Equal(["1", "2"], interpretation.Packets.Select(p => p.Packet.PacketId));
        Assert.Equal(["101", "102"], interpretation.Packets.Select(p => p.Request!.ToParadoxJson()["ex_id"]!.GetValue<string>()));
        Assert.All(interpretation.Packets, p => Assert.Equal("45", p.Request!.ToParadoxJson()["interview_duration"]!.ToJsonString().Trim('"')));
        Assert.All(interpretation.Packets, p => Assert.Equal("INTERVIEWDURATION", p.Mapping.SourceFields["interview_duration"]));
    }

    [Fact]
    public void A_bad_packet_carries_its_own_problem_and_leaves_the_good_one_valid()
    {
        var interpretation = Interpret(Envelope("TX-M2",
            Packet("1", Candidate("101", "one@example.org")),
            Packet("2", "<FIRSTNAME>Sam</FIRSTNAME><INTERVIEWTYPE>Phone Interview</INTERVIEWTYPE><INTERVIEWDURATION>30</INTERVIEWDURATION>")));

        Assert.False(interpretation.IsValid);
        Assert.True(interpretation.Packets[0].IsValid);
        Assert.Empty(interpretation.Packets[0].Errors);
        Assert.False(interpretation.Packets[1].IsValid);
        Assert.StartsWith("Missing candidate email or phone", interpretation.Packets[1].ProblemDescription, StringComparison.Ordinal);
        Assert.DoesNotContain("Sam", interpretation.Packets[1].ProblemDescription, StringComparison.Ordinal);
        Assert.Equal(interpretation.Packets[1].Errors, interpretation.Errors);
    }

    [Fact]
    public void A_second_candidate_packet_with_the_same_PacketId_is_refused_with_a_clear_reason()
    {
        var interpretation = Interpret(Envelope("TX-M3",
            Packet("1", Candidate("101", "one@example.org")),
            Packet("1", Candidate("102", "two@example.org"))));

        Assert.True(interpretation.Packets[0].IsValid);
        var repeated = interpretation.Packets[1];
        Assert.Equal(BrassRingErrorCodes.RepeatedPacketId, Assert.Single(repeated.Errors).Code);
        Assert.Contains("PacketId \"1\" appears more than once", repeated.ProblemDescription, StringComparison.Ordinal);
    }

    [Fact]
    public void Single_candidate_envelope_reads_as_before()
    {
        var interpretation = Interpret(BrassRingSamples.Envelope(BrassRingSamples.CompleteFields));

        var packet = Assert.Single(interpretation.Packets);
        Assert.True(interpretation.IsValid);
        Assert.Same(packet.Request, interpretation.Request);
        Assert.Same(packet.Mapping, interpretation.Mapping);
    }

    private static Interpretation Interpret(string xml) =>
        new RequestInterpreter().Interpret("text/xml", Encoding.UTF8.GetBytes(xml));
}
