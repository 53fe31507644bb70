using System.Text;
using InterviewAlerts.Core.BrassRing;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Observability;
using InterviewAlerts.Core.Tests.BrassRing;
using InterviewAlerts.Core.Validation;
using static InterviewAlerts.Core.Observability.AdapterMetrics;

namespace InterviewAlerts.Core.Tests.Observability;

/// <summary>
/// Requests accepted and rejected, counted per request (per candidate packet for BrassRing) from bodies read by the real
/// interpreter, tagged with shape, caller, a configured manifest and the first error code.
/// </summary>
public sealed class IngestMetricsTests : IDisposable
{
    private const string Caller = "acme-export";
    private const string ConfiguredManifest = "GLOBEX_PARADOX_SCHEDULE";
    private readonly CapturedMetrics _captured = CapturedMetrics.Start();

    [Fact]
    public void An_accepted_native_request_counts_once_with_no_manifest()
    {
        var interpretation = Native("""{"ex_id":"9","interview_duration":30,"interview_type":2}""");

        _captured.Metrics.IngestAnswered(new IngestResult(IngestStatus.Accepted, interpretation, "t1"), Caller);

        var point = Assert.Single(_captured.Points(RequestsAccepted));
        Assert.Equal(1, point.Sum);
        Assert.Equal("{request}", point.Unit);
        Assert.Equal(new Dictionary<string, string> { [ShapeTag] = "native", [CallerTag] = Caller, [ManifestTag] = None }, point.Tags);
        Assert.Empty(_captured.Points(RequestsRejected));
    }

    [Fact]
    public void An_invalid_native_request_counts_as_rejected_with_its_first_error_code()
    {
        var interpretation = Native("""{"ex_id":"9","interview_duration":3,"interview_type":2}""");
        Assert.False(interpretation.IsValid);

        _captured.Metrics.IngestAnswered(new IngestResult(IngestStatus.Invalid, interpretation), Caller);

        var point = Assert.Single(_captured.Points(RequestsRejected));
        Assert.Equal(interpretation.Errors[0].Code, point.Tags[ReasonTag]);
        Assert.Equal(ErrorCodes.OutOfRange, point.Tags[ReasonTag]);
        Assert.Equal("native", point.Tags[ShapeTag]);
        Assert.Empty(_captured.Points(RequestsAccepted));
    }

    [Fact]
    public void A_reused_key_counts_as_rejected_and_retransmissions_and_503s_do_not_count()
    {
        var interpretation = Native("""{"ex_id":"9","interview_duration":30,"interview_type":2}""");

        _captured.Metrics.IngestAnswered(new IngestResult(IngestStatus.Conflict, interpretation, "t0"), Caller);
        _captured.Metrics.IngestAnswered(new IngestResult(IngestStatus.Duplicate, interpretation, "t0"), Caller);
        _captured.Metrics.IngestAnswered(new IngestResult(IngestStatus.Unavailable, interpretation), Caller);

        var point = Assert.Single(_captured.Points(RequestsRejected));
        Assert.Equal(IdempotencyKeyReused, point.Tags[ReasonTag]);
        Assert.Equal(1, point.Sum);
        Assert.Empty(_captured.Points(RequestsAccepted));
    }

    [Fact]
    public void Each_candidate_packet_counts_on_its_own_with_its_configured_manifest()
    {
        var interpretation = BrassRingInterpreter().Interpret("text/xml", Encoding.UTF8.GetBytes(MultiPacketEnvelopes.Envelope("TX-MET-1",
            MultiPacketEnvelopes.Packet("1", MultiPacketEnvelopes.Candidate("C1", "c1@example.org"), ConfiguredManifest),
            MultiPacketEnvelopes.Packet("2", MultiPacketEnvelopes.Candidate("C2", "not-an-address"), ConfiguredManifest),
            MultiPacketEnvelopes.Packet("3", MultiPacketEnvelopes.Candidate("C3", "c3@example.org")))));
        Assert.Equal(3, interpretation.Packets.Count);
        var result = new IngestResult(IngestStatus.Invalid, interpretation)
        {
            Packets = [.. interpretation.Packets.Select(packet => new PacketResult(packet, packet.IsValid ? IngestStatus.Accepted : IngestStatus.Invalid, "t"))],
        };

        _captured.Metrics.IngestAnswered(result, "acmebrassring");

        Assert.Equal(1, _captured.Sum(RequestsAccepted, (ShapeTag, "brassring"), (CallerTag, "acmebrassring"), (ManifestTag, "globex_paradox_schedule")));
        Assert.Equal(1, _captured.Sum(RequestsAccepted, (ManifestTag, OtherManifest)));
        var rejected = Assert.Single(_captured.Points(RequestsRejected));
        Assert.Equal(ErrorCodes.InvalidEmail, rejected.Tags[ReasonTag]);
        Assert.Equal("globex_paradox_schedule", rejected.Tags[ManifestTag]);
    }

    [Fact]
    public void A_call_refused_before_ingest_counts_once_per_candidate_packet()
    {
        var interpretation = BrassRingInterpreter().Interpret("text/xml", Encoding.UTF8.GetBytes(MultiPacketEnvelopes.Envelope("TX-MET-2",
            MultiPacketEnvelopes.Packet("1", MultiPacketEnvelopes.Candidate("C1", "c1@example.org")),
            MultiPacketEnvelopes.Packet("2", MultiPacketEnvelopes.Candidate("C2", "c2@example.org")))));

        _captured.Metrics.CallRefused(interpretation, "globexbrassring", ErrorCodes.NotAllowed);

        var point = Assert.Single(_captured.Points(RequestsRejected));
        Assert.Equal(2, point.Sum);
        Assert.Equal(new Dictionary<string, string>
        {
            [ShapeTag] = "brassring", [CallerTag] = "globexbrassring", [ManifestTag] = OtherManifest, [ReasonTag] = ErrorCodes.NotAllowed,
        }, point.Tags);
    }

    [Fact]
    public void A_body_never_read_counts_with_unknown_shape_and_caller()
    {
        _captured.Metrics.RequestRejected(null, Unknown, null, ErrorCodes.TooLarge);

        var point = Assert.Single(_captured.Points(RequestsRejected));
        Assert.Equal(new Dictionary<string, string>
        {
            [ShapeTag] = Unknown, [CallerTag] = Unknown, [ManifestTag] = None, [ReasonTag] = ErrorCodes.TooLarge,
        }, point.Tags);
    }

    public void Dispose() => _captured.Dispose();

    private static Interpretation Native(string json) => new RequestInterpreter().Interpret("application/json", Encoding.UTF8.GetBytes(json));

    private static RequestInterpreter BrassRingInterpreter()
    {
        var options = new BrassRingMappingOptions();
        options.Mappings[ConfiguredManifest] = new BrassRingManifestMapping();
        return new RequestInterpreter(new BrassRingMapper(options));
    }
}
