using System.Text.Json.Nodes;
using InterviewAlerts.Core.Delivery;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Paradox;
using InterviewAlerts.Core.Storage;
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
    private readonly Mock<IDeadLetterQueue> _deadLetters = new();
    private readonly Mock<IPayloadStore> _payloads = new(MockBehavior.Strict);
    private readonly DeliveryOptions _options = new() { RetryHorizon = TimeSpan.FromHours(24), FirstRetryDelay = TimeSpan.FromSeconds(30) };

    public DeliveryProcessorTests()
    {
        _records.Setup(r => r.TryCreateAsync(It.IsAny<RequestRecord>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((RequestRecord r, CancellationToken _) => (true, r with { ETag = "1" }));
        _records.Setup(r => r.TryUpdateAsync(It.IsAny<RequestRecord>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        _records.Setup(r => r.GetAsync(Caller, TrackingId, It.IsAny<CancellationToken>())).ReturnsAsync(() => Record(RequestState.Received, attempts: 0));
    }

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
        _paradox.Setup(p => p.SendInterviewAlertAsync(It.IsAny<JsonObject>(), TrackingId, It.IsAny<CancellationToken>()))
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
    public async Task Transient_failure_past_the_horizon_expires_into_the_dead_letter_queue()
    {
        _paradox.Setup(p => p.SendInterviewAlertAsync(It.IsAny<JsonObject>(), TrackingId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ParadoxOutcome(ParadoxOutcomeKind.Transient, 503, "Paradox answered HTTP 503; will retry."));
        var message = Message(attempt: 9) with { ReceivedAt = _time.GetUtcNow() - TimeSpan.FromHours(23.99) };

        var result = await Processor().ProcessAsync(Serialize(message), CancellationToken.None);

        Assert.Equal(DeliveryResult.Expired, result);
        _deadLetters.Verify(d => d.AddAsync(It.Is<DeadLetter>(x => x.State == RequestState.Expired && x.Message!.History.Count == 1), It.IsAny<CancellationToken>()));
        _records.Verify(r => r.UpsertAsync(It.Is<RequestRecord>(x => x.State == RequestState.Expired), It.IsAny<CancellationToken>()));
        _queue.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData(RequestState.Delivered)]
    [InlineData(RequestState.Rejected)]
    [InlineData(RequestState.Expired)]
    public async Task Copy_of_a_request_in_a_terminal_state_is_not_sent(RequestState state)
    {
        _records.Setup(r => r.GetAsync(Caller, TrackingId, It.IsAny<CancellationToken>())).ReturnsAsync(Record(state, attempts: 1));

        var result = await Processor().ProcessAsync(Serialize(Message(attempt: 1)), CancellationToken.None);

        Assert.Equal(DeliveryResult.Duplicate, result);
        _paradox.VerifyNoOtherCalls();
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
        _paradox.Setup(p => p.SendInterviewAlertAsync(It.IsAny<JsonObject>(), TrackingId, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("boom"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Processor().ProcessAsync(Serialize(Message(attempt: 1)), CancellationToken.None));

        _records.Verify(r => r.UpsertAsync(It.Is<RequestRecord>(x => x.State == RequestState.Retrying && x.LeaseUntil == null), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task Failure_to_record_a_delivery_keeps_the_claim_so_no_copy_is_sent_within_the_lease()
    {
        _paradox.Setup(p => p.SendInterviewAlertAsync(It.IsAny<JsonObject>(), TrackingId, It.IsAny<CancellationToken>()))
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
    public async Task Unreadable_message_is_dead_lettered_as_is_without_calling_Paradox(string raw)
    {
        var result = await Processor().ProcessAsync(raw, CancellationToken.None);

        Assert.Equal(DeliveryResult.Unreadable, result);
        _deadLetters.Verify(d => d.AddAsync(It.Is<DeadLetter>(x => x.RawMessage == raw && x.State == RequestState.Poisoned), It.IsAny<CancellationToken>()));
    }

    private DeliveryProcessor Processor() => new(
        _paradox.Object, _records.Object, _queue.Object, _deadLetters.Object, _payloads.Object,
        Options.Create(_options), _time, NullLogger<DeliveryProcessor>.Instance);

    private DeliveryMessage Message(int attempt) => new()
    {
        TrackingId = TrackingId,
        Caller = Caller,
        Source = RequestShape.Native,
        ReceivedAt = _time.GetUtcNow() - TimeSpan.FromMinutes(5),
        Attempt = attempt,
        Body = new JsonObject { ["ex_id"] = "C-1", ["interview_duration"] = 30, ["interview_type"] = 2 },
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
