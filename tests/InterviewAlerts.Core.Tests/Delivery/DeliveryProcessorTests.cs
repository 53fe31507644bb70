using System.Text;
using InterviewAlerts.Core.Delivery;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Paradox;
using InterviewAlerts.Core.Storage;
using InterviewAlerts.Core.Tests.Observability;
using InterviewAlerts.Core.Tracking;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace InterviewAlerts.Core.Tests.Delivery;

/// <summary>The delivery state machine at its seams (Paradox, records, queues), with a fake clock.</summary>
public sealed class DeliveryProcessorTests
{
    private static readonly string TrackingId = TrackingIds.New();
    private const string Caller = "acme-export";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    private readonly Mock<IParadoxClient> _paradox = new(MockBehavior.Strict);
    private readonly Mock<IRequestRecordStore> _records = new();
    private readonly Mock<IDeliveryQueue> _queue = new();
    private readonly Mock<IDeadLetterStore> _deadLetters = new();
    private readonly Mock<IPayloadStore> _payloads = new(MockBehavior.Strict);
    private readonly DeliveryOptions _options = new() { RetryHorizon = TimeSpan.FromHours(24), FirstRetryDelay = TimeSpan.FromSeconds(30) };

    public DeliveryProcessorTests()
    {
        _records.Setup(r => r.TryUpdateAsync(It.IsAny<RequestRecord>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        _records.Setup(r => r.GetAsync(Caller, TrackingId, It.IsAny<CancellationToken>())).ReturnsAsync(() => Record(RequestState.Received, attempts: 0));
        _records.Setup(r => r.UpsertAsync(It.IsAny<RequestRecord>(), It.IsAny<CancellationToken>()))
            .Callback((RequestRecord r, CancellationToken _) => _writes.Add($"record {r.State}{(r.DeadLetteredAt is null ? "" : " noted")}"))
            .Returns(Task.CompletedTask);
        _deadLetters.Setup(d => d.WriteAsync(It.IsAny<string>(), It.IsAny<DeadLetter>(), It.IsAny<CancellationToken>()))
            .Callback((string _, DeadLetter d, CancellationToken _) => { _writes.Add("dead letter"); _written.Add(d); })
            .Returns(Task.CompletedTask);
    }

    private readonly List<string> _writes = [];
    private readonly List<DeadLetter> _written = [];

    [Fact]
    public async Task Message_without_a_record_was_never_acknowledged_and_is_not_sent()
    {
        _records.Setup(r => r.GetAsync(Caller, TrackingId, It.IsAny<CancellationToken>())).ReturnsAsync((RequestRecord?)null);

        var result = await Processor().ProcessAsync(Serialize(Message(attempt: 1)), CancellationToken.None);

        Assert.Equal(DeliveryResult.NotAccepted, result);
        _paradox.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Transient_failure_reschedules_the_next_attempt_with_its_history_and_a_backoff_delay()
    {
        _paradox.Setup(p => p.SendInterviewAlertAsync(It.IsAny<ReadOnlyMemory<byte>>(), TrackingId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ParadoxOutcome(ParadoxOutcomeKind.Transient, 500, "Paradox answered HTTP 500; will retry."));
        DeliveryMessage? next = null;
        TimeSpan? delay = null;
        _queue.Setup(q => q.EnqueueAsync(It.IsAny<DeliveryMessage>(), It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>()))
            .Callback((DeliveryMessage m, TimeSpan? d, CancellationToken _) => (next, delay) = (m, d));

        var result = await Processor().ProcessAsync(Serialize(Message(attempt: 3)), CancellationToken.None);

        Assert.Equal(DeliveryResult.Retrying, result);
        Assert.Equal(4, next!.Attempt);
        Assert.Equal(500, Assert.Single(next.History).HttpStatus);
        Assert.InRange(delay!.Value.TotalSeconds, 120 * 0.8, 120 * 1.2);
        _records.Verify(r => r.UpsertAsync(It.Is<RequestRecord>(x => x.State == RequestState.Retrying && x.Attempts == 3), It.IsAny<CancellationToken>()));
        _deadLetters.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task The_attempt_joins_the_record_history_on_the_write_its_outcome_makes_redacted_and_without_another_storage_call()
    {
        _records.Setup(r => r.GetAsync(Caller, TrackingId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => Record(RequestState.Retrying, attempts: 1) with { History = [new AttemptEntry(1, _time.GetUtcNow(), "Transient", 503, "busy")] });
        _paradox.Setup(p => p.SendInterviewAlertAsync(It.IsAny<ReadOnlyMemory<byte>>(), TrackingId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ParadoxOutcome(ParadoxOutcomeKind.Rejected, 400, "Paradox rejected the request: ex_id C-1 is unknown."));
        var upserted = new List<RequestRecord>();
        _records.Setup(r => r.UpsertAsync(It.IsAny<RequestRecord>(), It.IsAny<CancellationToken>()))
            .Callback((RequestRecord r, CancellationToken _) => upserted.Add(r))
            .Returns(Task.CompletedTask);

        await Processor().ProcessAsync(Serialize(Message(attempt: 2)), CancellationToken.None);

        // The terminal write and the dead-letter note, as without a history: no write of its own.
        Assert.Equal([RequestState.Rejected, RequestState.Rejected], upserted.Select(r => r.State));
        var history = upserted[0].History;
        Assert.Equal([(1, 503), (2, 400)], history.Select(h => (h.Attempt, h.HttpStatus ?? 0)));
        Assert.Equal("Paradox rejected the request: ex_id [redacted] is unknown.", history[1].Detail);
        Assert.Equal(history, upserted[1].History);
        _records.Verify(r => r.TryUpdateAsync(It.IsAny<RequestRecord>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Transient_failure_past_the_horizon_expires_with_its_dead_letter()
    {
        _paradox.Setup(p => p.SendInterviewAlertAsync(It.IsAny<ReadOnlyMemory<byte>>(), TrackingId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ParadoxOutcome(ParadoxOutcomeKind.Transient, 503, "Paradox answered HTTP 503; will retry."));
        var message = Message(attempt: 9) with { ReceivedAt = _time.GetUtcNow() - TimeSpan.FromHours(23.99) };

        var result = await Processor().ProcessAsync(Serialize(message), CancellationToken.None);

        Assert.Equal(DeliveryResult.Expired, result);
        _deadLetters.Verify(d => d.WriteAsync(Caller, It.Is<DeadLetter>(x => x.State == RequestState.Expired && x.ReasonCode == DeadLetterReasons.RetriesExhausted && x.Message!.History.Count == 1), It.IsAny<CancellationToken>()));
        _records.Verify(r => r.UpsertAsync(It.Is<RequestRecord>(x => x.State == RequestState.Expired), It.IsAny<CancellationToken>()));
        _queue.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData(RequestState.Delivered)]
    [InlineData(RequestState.Rejected)]
    [InlineData(RequestState.Expired)]
    public async Task Copy_of_a_request_in_a_terminal_state_is_not_sent(RequestState state)
    {
        _records.Setup(r => r.GetAsync(Caller, TrackingId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Record(state, attempts: 1) with { DeadLetteredAt = state == RequestState.Delivered ? null : _time.GetUtcNow() });

        var result = await Processor().ProcessAsync(Serialize(Message(attempt: 1)), CancellationToken.None);

        Assert.Equal(DeliveryResult.Duplicate, result);
        _paradox.VerifyNoOtherCalls();
        _deadLetters.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Stale_copy_of_an_earlier_attempt_is_not_sent()
    {
        _records.Setup(r => r.GetAsync(Caller, TrackingId, It.IsAny<CancellationToken>())).ReturnsAsync(Record(RequestState.Retrying, attempts: 4));

        var result = await Processor().ProcessAsync(Serialize(Message(attempt: 2)), CancellationToken.None);

        Assert.Equal(DeliveryResult.Duplicate, result);
        _paradox.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Copy_of_the_attempt_in_progress_is_deferred_until_its_lease_ends()
    {
        _records.Setup(r => r.GetAsync(Caller, TrackingId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Record(RequestState.Sending, attempts: 2) with { LeaseUntil = _time.GetUtcNow() + TimeSpan.FromSeconds(90) });

        var result = await Processor().ProcessAsync(Serialize(Message(attempt: 2)), CancellationToken.None);

        Assert.Equal(DeliveryResult.Deferred, result);
        _queue.Verify(q => q.EnqueueAsync(It.Is<DeliveryMessage>(m => m.Attempt == 2), TimeSpan.FromSeconds(90), It.IsAny<CancellationToken>()));
        _paradox.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Failure_before_Paradox_answered_releases_the_claim_so_the_runtime_retry_can_send()
    {
        _paradox.Setup(p => p.SendInterviewAlertAsync(It.IsAny<ReadOnlyMemory<byte>>(), TrackingId, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("boom"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Processor().ProcessAsync(Serialize(Message(attempt: 1)), CancellationToken.None));

        _records.Verify(r => r.UpsertAsync(It.Is<RequestRecord>(x => x.State == RequestState.Retrying && x.LeaseUntil == null), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task Failure_to_record_a_delivery_keeps_the_claim_so_no_copy_is_sent_within_the_lease()
    {
        _paradox.Setup(p => p.SendInterviewAlertAsync(It.IsAny<ReadOnlyMemory<byte>>(), TrackingId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ParadoxOutcome(ParadoxOutcomeKind.Delivered, 200, "Delivered to Paradox."));
        _records.Setup(r => r.UpsertAsync(It.IsAny<RequestRecord>(), It.IsAny<CancellationToken>())).ThrowsAsync(new TimeoutException("storage"));

        var run = Processor().ProcessAsync(Serialize(Message(attempt: 1)), CancellationToken.None);
        while (!run.IsCompleted)
        {
            _time.Advance(TimeSpan.FromSeconds(1)); // the final write is retried with backoff on the processor's clock
            await Task.Delay(1);
        }

        await Assert.ThrowsAsync<TimeoutException>(() => run);
        _records.Verify(r => r.UpsertAsync(It.Is<RequestRecord>(x => x.State == RequestState.Delivered), It.IsAny<CancellationToken>()), Times.AtLeast(5));
        _records.Verify(r => r.UpsertAsync(It.Is<RequestRecord>(x => x.State == RequestState.Retrying), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"trackingId":"bogus","source":"native","receivedAt":"2026-11-28T12:00:00Z"}""")]
    public async Task Unreadable_message_fails_for_the_poison_path_without_calling_Paradox_or_dead_lettering(string raw)
    {
        await Assert.ThrowsAsync<UnreadableMessageException>(() => Processor().ProcessAsync(raw, CancellationToken.None));

        _paradox.VerifyNoOtherCalls();
        _deadLetters.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Rejection_records_the_terminal_state_before_the_dead_letter_then_notes_it()
    {
        _paradox.Setup(p => p.SendInterviewAlertAsync(It.IsAny<ReadOnlyMemory<byte>>(), TrackingId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ParadoxOutcome(ParadoxOutcomeKind.Rejected, 200, "Paradox declined the request: Candidate is archived."));

        var result = await Processor().ProcessAsync(Serialize(Message(attempt: 1)), CancellationToken.None);

        Assert.Equal(DeliveryResult.Rejected, result);
        Assert.Equal(["record Rejected", "dead letter", "record Rejected noted"], _writes);
        Assert.Equal("Paradox declined the request: Candidate is archived.", Assert.Single(_written).Reason);
        Assert.Equal(DeadLetterReasons.ParadoxDeclined, _written[0].ReasonCode);
    }

    [Fact]
    public async Task Failed_dead_letter_write_keeps_the_terminal_state_so_the_runtime_retry_does_not_send_again()
    {
        _paradox.Setup(p => p.SendInterviewAlertAsync(It.IsAny<ReadOnlyMemory<byte>>(), TrackingId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ParadoxOutcome(ParadoxOutcomeKind.Rejected, 400, "Paradox rejected the request: ex_id: unknown."));
        _deadLetters.Setup(d => d.WriteAsync(It.IsAny<string>(), It.IsAny<DeadLetter>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("413"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Processor().ProcessAsync(Serialize(Message(attempt: 1)), CancellationToken.None));

        Assert.Equal(["record Rejected"], _writes); // never released to "retrying"
        _paradox.Verify(p => p.SendInterviewAlertAsync(It.IsAny<ReadOnlyMemory<byte>>(), TrackingId, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Copy_of_an_ended_request_without_its_dead_letter_writes_it_instead_of_sending()
    {
        var ended = Record(RequestState.Rejected, attempts: 1) with
        {
            LastError = "Paradox rejected the request: ex_id: unknown.",
            LastHttpStatus = 400,
            LeaseUntil = _time.GetUtcNow() - TimeSpan.FromSeconds(1),
        };
        _records.Setup(r => r.GetAsync(Caller, TrackingId, It.IsAny<CancellationToken>())).ReturnsAsync(ended);

        var result = await Processor().ProcessAsync(Serialize(Message(attempt: 1)), CancellationToken.None);

        Assert.Equal(DeliveryResult.DeadLetterCompleted, result);
        var deadLetter = Assert.Single(_written);
        Assert.Equal(RequestState.Rejected, deadLetter.State);
        Assert.Equal(ended.LastError, deadLetter.Reason);
        Assert.Equal(400, Assert.Single(deadLetter.Message!.History).HttpStatus); // the ending attempt, from the record
        Assert.Equal(["dead letter", "record Rejected noted"], _writes);
        _paradox.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Copy_of_an_ended_request_waits_while_the_ending_run_still_writes_its_dead_letter()
    {
        _records.Setup(r => r.GetAsync(Caller, TrackingId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Record(RequestState.Expired, attempts: 3) with { LeaseUntil = _time.GetUtcNow() + TimeSpan.FromSeconds(40) });

        var result = await Processor().ProcessAsync(Serialize(Message(attempt: 3)), CancellationToken.None);

        Assert.Equal(DeliveryResult.Deferred, result);
        _queue.Verify(q => q.EnqueueAsync(It.IsAny<DeliveryMessage>(), TimeSpan.FromSeconds(40), It.IsAny<CancellationToken>()));
        _deadLetters.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Paradox_text_quoting_the_candidate_is_stored_without_any_value_of_the_request()
    {
        _paradox.Setup(p => p.SendInterviewAlertAsync(It.IsAny<ReadOnlyMemory<byte>>(), TrackingId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ParadoxOutcome(ParadoxOutcomeKind.Rejected, 200,
                "Paradox declined the request: Candidate Zqmarta Zqolsen (id 55301, C-1) is blocked."));
        var message = Message(attempt: 1) with
        {
            Body = """{"ex_id":"C-1","OID":55301,"first_name":"Zqmarta","last_name":"Zqolsen","interview_duration":30,"interview_type":2}"""u8.ToArray(),
        };
        RequestRecord? stored = null;
        _records.Setup(r => r.UpsertAsync(It.Is<RequestRecord>(x => x.State == RequestState.Rejected), It.IsAny<CancellationToken>()))
            .Callback((RequestRecord r, CancellationToken _) => stored = r).Returns(Task.CompletedTask);

        await Processor().ProcessAsync(Serialize(message), CancellationToken.None);

        Assert.Equal("Paradox declined the request: Candidate [redacted] [redacted] (id [redacted], [redacted]) is blocked.", stored!.LastError);
        Assert.Equal(stored.LastError, Assert.Single(_written).Reason);
        Assert.Equal(stored.LastError, Assert.Single(_written[0].Message!.History).Detail);
    }

    [Fact]
    public async Task Retry_After_beyond_the_horizon_expires_with_a_reason_that_says_so()
    {
        _paradox.Setup(p => p.SendInterviewAlertAsync(It.IsAny<ReadOnlyMemory<byte>>(), TrackingId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ParadoxOutcome(ParadoxOutcomeKind.Transient, 429, "Paradox answered HTTP 429; will retry.", RetryAfter: TimeSpan.FromHours(30)));

        var result = await Processor().ProcessAsync(Serialize(Message(attempt: 2)), CancellationToken.None);

        Assert.Equal(DeliveryResult.Expired, result);
        Assert.StartsWith("Expired: Paradox asked to wait 1.06:00:00 (Retry-After)", Assert.Single(_written).Reason, StringComparison.Ordinal);
        Assert.Equal(DeadLetterReasons.RetryAfterBeyondHorizon, _written[0].ReasonCode);
        _queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task The_body_bytes_reach_Paradox_exactly_as_the_message_carries_them()
    {
        var body = Encoding.UTF8.GetBytes("""{"ex_id":"C-\u00e9 1",  "interview_duration":30,"interview_type":2}""");
        byte[]? sent = null;
        _paradox.Setup(p => p.SendInterviewAlertAsync(It.IsAny<ReadOnlyMemory<byte>>(), TrackingId, It.IsAny<CancellationToken>()))
            .Callback((ReadOnlyMemory<byte> b, string _, CancellationToken _) => sent = b.ToArray())
            .ReturnsAsync(new ParadoxOutcome(ParadoxOutcomeKind.Delivered, 200, "Delivered to Paradox."));

        var raw = Serialize(Message(attempt: 1) with { Body = body });
        await Processor().ProcessAsync(raw, CancellationToken.None);

        Assert.Contains("\"body\":{\"ex_id\":\"C-\\u00e9 1\",  \"interview_duration\"", raw, StringComparison.Ordinal);
        Assert.Equal(body, sent);
    }

    [Fact]
    public async Task A_message_written_with_the_body_as_a_JSON_object_is_still_read_and_delivered()
    {
        var old = """{"v":1,"trackingId":"TRACKING","caller":"acme-export","source":"native","receivedAt":"2026-11-28T11:55:00+00:00","attempt":1,"history":[],"body":{"ex_id":"C-1","interview_duration":30,"interview_type":2}}"""
            .Replace("TRACKING", TrackingId, StringComparison.Ordinal);
        byte[]? sent = null;
        _paradox.Setup(p => p.SendInterviewAlertAsync(It.IsAny<ReadOnlyMemory<byte>>(), TrackingId, It.IsAny<CancellationToken>()))
            .Callback((ReadOnlyMemory<byte> b, string _, CancellationToken _) => sent = b.ToArray())
            .ReturnsAsync(new ParadoxOutcome(ParadoxOutcomeKind.Delivered, 200, "Delivered to Paradox."));

        Assert.Equal(DeliveryResult.Delivered, await Processor().ProcessAsync(old, CancellationToken.None));
        Assert.Equal("""{"ex_id":"C-1","interview_duration":30,"interview_type":2}""", Encoding.UTF8.GetString(sent!));
    }

    [Fact]
    public async Task Paradox_calls_in_flight_never_exceed_the_configured_maximum_while_more_messages_run()
    {
        _options.MaxConcurrentParadoxCalls = 2;
        var calls = System.Threading.Channels.Channel.CreateUnbounded<TaskCompletionSource<ParadoxOutcome>>();
        var inFlight = 0;
        var most = 0;
        _paradox.Setup(p => p.SendInterviewAlertAsync(It.IsAny<ReadOnlyMemory<byte>>(), TrackingId, It.IsAny<CancellationToken>()))
            .Returns(() =>
            {
                var now = Interlocked.Increment(ref inFlight);
                lock (calls) most = Math.Max(most, now);
                var answer = new TaskCompletionSource<ParadoxOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
                calls.Writer.TryWrite(answer);
                return answer.Task.ContinueWith(t => { Interlocked.Decrement(ref inFlight); return t.Result; }, TaskScheduler.Default);
            });
        using var processor = Processor();

        var runs = Enumerable.Range(0, 5).Select(_ => Task.Run(() => processor.ProcessAsync(Serialize(Message(attempt: 1)), CancellationToken.None))).ToList();
        var held = new Queue<TaskCompletionSource<ParadoxOutcome>>();
        for (var answered = 0; answered < 5; answered++)
        {
            // Two calls are held open at a time; a third would start only if the limit did not hold.
            while (held.Count < Math.Min(2, 5 - answered)) held.Enqueue(await calls.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
            held.Dequeue().SetResult(new ParadoxOutcome(ParadoxOutcomeKind.Delivered, 200, "ok"));
        }

        Assert.All(await Task.WhenAll(runs), r => Assert.Equal(DeliveryResult.Delivered, r));
        Assert.Equal(2, most);
    }

    private DeliveryProcessor Processor() => new(
        _paradox.Object, _records.Object, _queue.Object,
        new DeadLetterWriter(_deadLetters.Object, _records.Object, _time, NullLogger<DeadLetterWriter>.Instance), _payloads.Object,
        Options.Create(_options), UnobservedMetrics.Instance, _time, NullLogger<DeliveryProcessor>.Instance);

    private DeliveryMessage Message(int attempt) => new()
    {
        TrackingId = TrackingId,
        Caller = Caller,
        Source = RequestShape.Native,
        ReceivedAt = _time.GetUtcNow() - TimeSpan.FromMinutes(5),
        Attempt = attempt,
        Body = """{"ex_id":"C-1","interview_duration":30,"interview_type":2}"""u8.ToArray(),
    };

    private RequestRecord Record(RequestState state, int attempts) => new()
    {
        TrackingId = TrackingId,
        Caller = Caller,
        Source = RequestShape.Native,
        State = state,
        ReceivedAt = _time.GetUtcNow() - TimeSpan.FromMinutes(5),
        Attempts = attempts,
        ETag = "7",
    };

    private static string Serialize(DeliveryMessage message) => DeliveryMessageSerializer.Serialize(message);
}
