using System.Text;
using InterviewAlerts.Core.BrassRing;
using InterviewAlerts.Core.Callers;
using InterviewAlerts.Core.Delivery;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Storage;
using InterviewAlerts.Core.Tests.BrassRing;
using InterviewAlerts.Core.Tracking;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace InterviewAlerts.Core.Tests.Ingest;

/// <summary>
/// The record-first protocol of ingest at its storage seams: key and record in one transaction, then the message;
/// duplicates, conflicts, take-overs and the undo of a failed queue write, branch by branch.
/// </summary>
public sealed class IngestServiceTests
{
    private static readonly Caller Caller = new("acme-export");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    private readonly Mock<IRequestRecordStore> _records = new(MockBehavior.Strict);
    private readonly Mock<IDeliveryQueue> _queue = new(MockBehavior.Strict);
    private readonly Mock<IPayloadStore> _payloads = new(MockBehavior.Strict);
    private readonly List<DeliveryMessage> _queued = [];
    private readonly List<(IdempotencyEntry Entry, RequestRecord Record)> _admitted = [];

    public IngestServiceTests()
    {
        _queue.Setup(q => q.EnqueueAsync(It.IsAny<DeliveryMessage>(), null, It.IsAny<CancellationToken>()))
            .Callback((DeliveryMessage message, TimeSpan? _, CancellationToken _) => _queued.Add(message))
            .Returns(Task.CompletedTask);
    }

    [Fact]
    public async Task New_key_is_admitted_with_its_record_then_queued_once_with_the_body_fingerprint()
    {
        AdmitNew();

        var result = await Service().AcceptAsync(Call(Body("A")), CancellationToken.None);

        Assert.Equal(IngestStatus.Accepted, result.Status);
        Assert.True(TrackingIds.IsWellFormed(result.TrackingId));
        var (entry, record) = Assert.Single(_admitted);
        Assert.Equal((Caller.Name, result.TrackingId, RequestState.Received), (entry.Caller, entry.TrackingId, record.State));
        Assert.Equal(BodyFingerprint.Of(ParadoxBytes(Body("A"))), entry.BodyFingerprint);
        var message = Assert.Single(_queued);
        Assert.Equal((result.TrackingId, Caller.Name), (message.TrackingId, message.Caller));
        Assert.Equal(ParadoxBytes(Body("A")), message.Body);
    }

    [Fact]
    public async Task Same_key_and_same_body_after_delivery_took_it_answers_the_first_id_and_queues_nothing()
    {
        var first = TrackingIds.New();
        KeyExists(first, Body("A"), RequestState.Sending);

        var result = await Service().AcceptAsync(Call(Body("A"), key: "k-1"), CancellationToken.None);

        Assert.Equal((IngestStatus.Duplicate, first), (result.Status, result.TrackingId));
        Assert.Empty(_queued);
    }

    [Fact]
    public async Task Same_key_with_another_body_is_a_conflict_naming_the_first_id_and_nothing_is_queued_or_taken()
    {
        var first = TrackingIds.New();
        KeyExists(first, Body("A"), RequestState.Received);

        var result = await Service().AcceptAsync(Call(Body("B"), key: "k-1"), CancellationToken.None);

        Assert.Equal((IngestStatus.Conflict, first), (result.Status, result.TrackingId));
        Assert.False(result.Acknowledged);
        Assert.Empty(_queued);
        _records.Verify(r => r.TryUpdateAsync(It.IsAny<RequestRecord>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Same_key_and_body_not_yet_picked_up_takes_the_record_and_queues_the_winners_body_under_the_winners_id()
    {
        var first = TrackingIds.New();
        var stored = KeyExists(first, Body("A"), RequestState.Received);
        _records.Setup(r => r.TryUpdateAsync(It.Is<RequestRecord>(u => u.TrackingId == first && u.ETag == stored.ETag), It.IsAny<CancellationToken>()))
            .ReturnsAsync(true);

        var result = await Service().AcceptAsync(Call(Body("A"), key: "k-1"), CancellationToken.None);

        Assert.Equal((IngestStatus.Duplicate, first), (result.Status, result.TrackingId));
        var copy = Assert.Single(_queued);
        Assert.Equal((first, stored.ReceivedAt), (copy.TrackingId, copy.ReceivedAt));
        Assert.Equal(ParadoxBytes(Body("A")), copy.Body);
    }

    [Fact]
    public async Task Record_changed_before_the_take_over_and_still_there_means_delivery_has_it()
    {
        var first = TrackingIds.New();
        var stored = KeyExists(first, Body("A"), RequestState.Received);
        _records.Setup(r => r.TryUpdateAsync(It.IsAny<RequestRecord>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);
        _records.Setup(r => r.GetAsync(Caller.Name, first, It.IsAny<CancellationToken>())).ReturnsAsync(stored with { State = RequestState.Sending });

        var result = await Service().AcceptAsync(Call(Body("A"), key: "k-1"), CancellationToken.None);

        Assert.Equal((IngestStatus.Duplicate, first), (result.Status, result.TrackingId));
        Assert.Empty(_queued);
    }

    [Fact]
    public async Task Record_another_retransmission_is_taking_over_is_taken_again_and_this_copy_is_queued_before_answering()
    {
        var first = TrackingIds.New();
        var stored = KeyExists(first, Body("A"), RequestState.Received);
        var taken = stored with { ETag = "taken-by-another-copy" };
        _records.Setup(r => r.TryUpdateAsync(It.IsAny<RequestRecord>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((RequestRecord r, CancellationToken _) => r.ETag == taken.ETag);
        _records.Setup(r => r.GetAsync(Caller.Name, first, It.IsAny<CancellationToken>())).ReturnsAsync(taken);
        var admissions = 0;
        _records.Setup(r => r.TryAdmitAsync(It.IsAny<IdempotencyEntry>(), It.IsAny<RequestRecord>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new Admission(false,
                new IdempotencyEntry(Caller.Name, IdempotencyKey.FromHeader(Caller.Name, "k-1"), first, BodyFingerprint.Of(ParadoxBytes(Body("A")))),
                admissions++ == 0 ? stored : taken));

        var result = await Service().AcceptAsync(Call(Body("A"), key: "k-1"), CancellationToken.None);

        Assert.Equal((IngestStatus.Duplicate, first), (result.Status, result.TrackingId));
        Assert.Equal(first, Assert.Single(_queued).TrackingId);
    }

    [Fact]
    public async Task Record_withdrawn_before_the_take_over_lets_this_call_admit_its_own_request()
    {
        var first = TrackingIds.New();
        var stored = Stored(first, RequestState.Received);
        var existing = new IdempotencyEntry(Caller.Name, IdempotencyKey.FromHeader(Caller.Name, "k-1"), first, BodyFingerprint.Of(ParadoxBytes(Body("A"))));
        var admissions = 0;
        _records.Setup(r => r.TryAdmitAsync(It.IsAny<IdempotencyEntry>(), It.IsAny<RequestRecord>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IdempotencyEntry e, RequestRecord r, CancellationToken _) =>
                admissions++ == 0 ? new Admission(false, existing, stored) : new Admission(true, e, r with { ETag = "new" }));
        _records.Setup(r => r.TryUpdateAsync(It.IsAny<RequestRecord>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);
        _records.Setup(r => r.GetAsync(Caller.Name, first, It.IsAny<CancellationToken>())).ReturnsAsync((RequestRecord?)null);

        var result = await Service().AcceptAsync(Call(Body("A"), key: "k-1"), CancellationToken.None);

        Assert.Equal(IngestStatus.Accepted, result.Status);
        Assert.NotEqual(first, result.TrackingId);
        Assert.Equal(result.TrackingId, Assert.Single(_queued).TrackingId);
    }

    [Fact]
    public async Task Failed_queue_write_withdraws_the_key_and_record_and_answers_unavailable()
    {
        AdmitNew();
        FailQueue();
        RequestRecord? withdrawn = null;
        _records.Setup(r => r.TryWithdrawAsync(It.IsAny<RequestRecord>(), It.IsAny<CancellationToken>()))
            .Callback((RequestRecord r, CancellationToken _) => withdrawn = r).ReturnsAsync(true);

        var result = await Service().AcceptAsync(Call(Body("A")), CancellationToken.None);

        Assert.Equal(IngestStatus.Unavailable, result.Status);
        Assert.Null(result.TrackingId);
        var (entry, _) = Assert.Single(_admitted);
        Assert.Equal((entry.TrackingId, "etag-1", entry.Key.RowKey), (withdrawn!.TrackingId, withdrawn.ETag, withdrawn.IdempotencyKeyRow));
    }

    [Fact]
    public async Task Failed_queue_write_whose_record_delivery_already_claimed_is_acknowledged()
    {
        AdmitNew();
        FailQueue();
        _records.Setup(r => r.TryWithdrawAsync(It.IsAny<RequestRecord>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);
        _records.Setup(r => r.GetAsync(Caller.Name, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, string id, CancellationToken _) => Stored(id, RequestState.Sending));

        var result = await Service().AcceptAsync(Call(Body("A")), CancellationToken.None);

        Assert.Equal(IngestStatus.Accepted, result.Status);
        Assert.Equal(Assert.Single(_admitted).Entry.TrackingId, result.TrackingId);
    }

    [Fact]
    public async Task Failed_queue_write_whose_record_a_retransmission_took_over_answers_unavailable()
    {
        AdmitNew();
        FailQueue();
        _records.Setup(r => r.TryWithdrawAsync(It.IsAny<RequestRecord>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);
        _records.Setup(r => r.GetAsync(Caller.Name, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, string id, CancellationToken _) => Stored(id, RequestState.Received));

        var result = await Service().AcceptAsync(Call(Body("A")), CancellationToken.None);

        Assert.Equal(IngestStatus.Unavailable, result.Status);
    }

    [Fact]
    public async Task Storage_failing_at_admission_answers_unavailable_and_queues_nothing()
    {
        _records.Setup(r => r.TryAdmitAsync(It.IsAny<IdempotencyEntry>(), It.IsAny<RequestRecord>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("table down"));

        var result = await Service().AcceptAsync(Call(Body("A")), CancellationToken.None);

        Assert.Equal(IngestStatus.Unavailable, result.Status);
        Assert.Empty(_queued);
    }

    [Fact]
    public async Task Large_body_goes_to_the_payload_store_and_the_message_names_the_blob()
    {
        AdmitNew();
        BinaryData? saved = null;
        _payloads.Setup(p => p.SaveAsync(It.IsAny<string>(), It.IsAny<BinaryData>(), It.IsAny<CancellationToken>()))
            .Callback((string _, BinaryData body, CancellationToken _) => saved = body)
            .ReturnsAsync((string id, BinaryData _, CancellationToken _) => id + ".json");
        var pdf = new byte[IngestService.MaxInlineMessageBytes];
        "%PDF-1.7\n"u8.CopyTo(pdf);
        Array.Fill(pdf, (byte)'a', 9, pdf.Length - 9);
        var large = Body("A", resume: Convert.ToBase64String(pdf));

        var result = await Service().AcceptAsync(Call(large), CancellationToken.None);

        Assert.Equal(IngestStatus.Accepted, result.Status);
        var message = Assert.Single(_queued);
        Assert.Equal((result.TrackingId + ".json", (byte[]?)null), (message.BodyBlob, message.Body));
        Assert.Equal(ParadoxBytes(large), saved!.ToArray());
    }

    [Fact]
    public async Task Keys_are_scoped_to_the_caller_and_without_a_header_the_body_is_the_key()
    {
        AdmitNew();

        await Service().AcceptAsync(Call(Body("A"), key: "k-1"), CancellationToken.None);
        await Service().AcceptAsync(new IngestCall(new Caller("other"), Interpret(Body("A")), "k-1"), CancellationToken.None);
        await Service().AcceptAsync(Call(Body("A")), CancellationToken.None);

        var keys = _admitted.Select(a => a.Entry.Key).ToList();
        Assert.Equal(IdempotencyKey.FromHeader(Caller.Name, "k-1"), keys[0]);
        Assert.Equal(IdempotencyKey.FromHeader("other", "k-1"), keys[1]);
        Assert.Equal(IdempotencyKey.FromBody(Caller.Name, BodyFingerprint.Of(ParadoxBytes(Body("A")))), keys[2]);
        Assert.Equal(3, keys.Distinct().Count());
        Assert.Equal(3, _admitted.Select(a => a.Entry.TrackingId).Distinct().Count());
    }

    [Fact]
    public async Task Each_valid_candidate_packet_is_admitted_under_its_own_key_with_its_labels_and_an_invalid_one_is_recorded_refused()
    {
        AdmitNew();
        var refused = RecordRefusals();
        var xml = MultiPacketEnvelopes.Envelope("TX-9",
            MultiPacketEnvelopes.Packet("1", MultiPacketEnvelopes.Candidate("101", "one@example.org")),
            MultiPacketEnvelopes.Packet("2", MultiPacketEnvelopes.Candidate("102", "two@example.org", withDuration: false)),
            MultiPacketEnvelopes.Packet("3", MultiPacketEnvelopes.Candidate("103", "three@example.org")));
        var interpretation = new RequestInterpreter().Interpret("text/xml", Encoding.UTF8.GetBytes(xml));

        var result = await Service().AcceptAsync(new IngestCall(Caller, interpretation), CancellationToken.None);

        Assert.Equal(IngestStatus.Invalid, result.Status);
        Assert.Equal([IngestStatus.Accepted, IngestStatus.Invalid, IngestStatus.Accepted], result.Packets.Select(p => p.Status));
        Assert.Equal([_admitted[0].Entry.TrackingId, null, _admitted[1].Entry.TrackingId], result.Packets.Select(p => p.TrackingId));
        Assert.Equal(
            [BrassRingIdempotencyKey.For(Caller.Name, interpretation.Envelope!, interpretation.Packets[0].Packet),
             BrassRingIdempotencyKey.For(Caller.Name, interpretation.Envelope!, interpretation.Packets[2].Packet)],
            _admitted.Select(a => a.Entry.Key));
        Assert.Equal(["101", "103"], _queued.Select(m => System.Text.Json.Nodes.JsonNode.Parse(m.Body!)!["ex_id"]!.GetValue<string>()));
        var first = _admitted[0].Record;
        Assert.Equal(("TX-9", "1", ExIdHashes.Of("101")), (first.TransactId, first.PacketId, first.ExIdHash));
        Assert.Equal(interpretation.Packets[0].Mapping.Manifest, first.Manifest);
        var packet = Assert.Single(refused);
        Assert.Equal((RequestState.Refused, RequestShape.BrassRing, "TX-9", "2", 405), (packet.State, packet.Source, packet.TransactId, packet.PacketId, packet.AnsweredStatus));
        Assert.Equal(interpretation.Packets[1].Errors.Select(e => e.Code).Distinct(), packet.ReasonCodes);
        Assert.Null(packet.IdempotencyKeyRow);
        Assert.Null(packet.ExIdHash);
    }

    [Fact]
    public async Task Accepted_native_request_is_recorded_with_the_hash_of_its_ex_id_in_the_admission()
    {
        AdmitNew();

        await Service().AcceptAsync(Call(Body("C-42")), CancellationToken.None);

        var (_, record) = Assert.Single(_admitted);
        Assert.Equal(ExIdHashes.Of("C-42"), record.ExIdHash);
        Assert.Equal((null, null, null), (record.Manifest, record.TransactId, record.PacketId));
        _records.Verify(r => r.UpsertAsync(It.IsAny<RequestRecord>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Invalid_request_is_recorded_refused_in_one_write_with_its_reasons_and_nothing_is_queued()
    {
        var refused = RecordRefusals();

        var result = await Service().AcceptAsync(Call("""{"interview_duration":30,"email":"zq.person@example.org"}"""), CancellationToken.None);

        Assert.Equal(IngestStatus.Invalid, result.Status);
        var record = Assert.Single(refused);
        Assert.Equal((RequestState.Refused, RequestShape.Native, 400, Caller.Name), (record.State, record.Source, record.AnsweredStatus, record.Caller));
        Assert.Equal(result.Interpretation.Errors.Select(e => e.Code).Distinct(), record.ReasonCodes);
        Assert.Equal(result.Interpretation.Errors.Select(e => e.Field), record.Problems.Select(p => p.Field));
        Assert.True(TrackingIds.IsWellFormed(record.TrackingId));
        Assert.Null(record.IdempotencyKeyRow);
        Assert.DoesNotContain(record.Problems, p => p.Message.Contains("zq.person", StringComparison.Ordinal));
        _records.Verify(r => r.TryAdmitAsync(It.IsAny<IdempotencyEntry>(), It.IsAny<RequestRecord>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Empty(_queued);
    }

    [Fact]
    public async Task Invalid_request_is_refused_all_the_same_when_its_record_cannot_be_written()
    {
        _records.Setup(r => r.UpsertAsync(It.IsAny<RequestRecord>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("table down"));

        var result = await Service().AcceptAsync(Call("""{"interview_duration":30}"""), CancellationToken.None);

        Assert.Equal(IngestStatus.Invalid, result.Status);
        Assert.Empty(_queued);
    }

    private List<RequestRecord> RecordRefusals()
    {
        var refused = new List<RequestRecord>();
        _records.Setup(r => r.UpsertAsync(It.IsAny<RequestRecord>(), It.IsAny<CancellationToken>()))
            .Callback((RequestRecord record, CancellationToken _) => refused.Add(record))
            .Returns(Task.CompletedTask);
        return refused;
    }

    private void AdmitNew() =>
        _records.Setup(r => r.TryAdmitAsync(It.IsAny<IdempotencyEntry>(), It.IsAny<RequestRecord>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IdempotencyEntry entry, RequestRecord record, CancellationToken _) =>
            {
                var stored = record with { IdempotencyKeyRow = entry.Key.RowKey, ETag = "etag-1" };
                _admitted.Add((entry, stored));
                return new Admission(true, entry, stored);
            });

    private RequestRecord KeyExists(string trackingId, string body, RequestState state)
    {
        var stored = Stored(trackingId, state);
        var existing = new IdempotencyEntry(Caller.Name, IdempotencyKey.FromHeader(Caller.Name, "k-1"), trackingId, BodyFingerprint.Of(ParadoxBytes(body)));
        _records.Setup(r => r.TryAdmitAsync(It.IsAny<IdempotencyEntry>(), It.IsAny<RequestRecord>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Admission(false, existing, stored));
        return stored;
    }

    private RequestRecord Stored(string trackingId, RequestState state) => new()
    {
        TrackingId = trackingId,
        Caller = Caller.Name,
        Source = RequestShape.Native,
        State = state,
        ReceivedAt = _time.GetUtcNow() - TimeSpan.FromMinutes(1),
        UpdatedAt = _time.GetUtcNow() - TimeSpan.FromMinutes(1),
        ETag = "stored-etag",
    };

    private void FailQueue() =>
        _queue.Setup(q => q.EnqueueAsync(It.IsAny<DeliveryMessage>(), null, It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("queue down"));

    private IngestService Service() => new(_records.Object, _queue.Object, _payloads.Object, _time, NullLogger<IngestService>.Instance);

    private static IngestCall Call(string body, string? key = null) => new(Caller, Interpret(body), key);

    private static Interpretation Interpret(string body) => new RequestInterpreter().Interpret("application/json", Encoding.UTF8.GetBytes(body));

    private static byte[] ParadoxBytes(string body) => Interpret(body).Request!.ToParadoxUtf8();

    private static string Body(string exId, string? resume = null) =>
        $$"""{"ex_id":"{{exId}}","interview_duration":30,"interview_type":2{{(resume is null ? "" : $",\"resume\":\"{resume}\"")}}}""";
}
