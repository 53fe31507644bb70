using InterviewAlerts.Core.Delivery;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Observability;
using InterviewAlerts.Core.Paradox;
using InterviewAlerts.Core.Storage;
using InterviewAlerts.Core.Tracking;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static InterviewAlerts.Core.Observability.AdapterMetrics;

namespace InterviewAlerts.Core.Tests.Observability;

/// <summary>
/// Delivery outcomes as the delivery state machine and the poison recorder emit them (seams: Paradox, records, queues),
/// with a fake clock: outcome and Paradox status, dead-letter reason, attempts, and time from acceptance to Paradox.
/// </summary>
public sealed class DeliveryMetricsTests : IDisposable
{
    private static readonly TimeSpan Waited = TimeSpan.FromMinutes(5);
    private const string Caller = "acme-export";
    private readonly string _trackingId = TrackingIds.New();
    private readonly CapturedMetrics _captured = CapturedMetrics.Start();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    private readonly Mock<IParadoxClient> _paradox = new();
    private readonly Mock<IRequestRecordStore> _records = new();
    private readonly Mock<IDeliveryQueue> _queue = new();
    private readonly Mock<IDeadLetterStore> _deadLetters = new();
    private readonly DeliveryOptions _options = new() { RetryHorizon = TimeSpan.FromHours(24), FirstRetryDelay = TimeSpan.FromSeconds(30) };

    public DeliveryMetricsTests()
    {
        _records.Setup(r => r.TryUpdateAsync(It.IsAny<RequestRecord>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        _records.Setup(r => r.GetAsync(Caller, _trackingId, It.IsAny<CancellationToken>())).ReturnsAsync(() => new RequestRecord
        {
            TrackingId = _trackingId, Caller = Caller, Source = RequestShape.Native, State = RequestState.Received,
            ReceivedAt = _time.GetUtcNow() - Waited, ETag = "1",
        });
    }

    [Fact]
    public async Task Delivered_counts_with_Paradox_status_attempts_and_time_since_acceptance()
    {
        Paradox(new ParadoxOutcome(ParadoxOutcomeKind.Delivered, 200, "Delivered to Paradox."));

        Assert.Equal(DeliveryResult.Delivered, await Processor().ProcessAsync(Message(attempt: 3), CancellationToken.None));

        var delivery = Assert.Single(_captured.Points(Deliveries));
        Assert.Equal(new Dictionary<string, string>
        {
            [OutcomeTag] = DeliveryOutcomes.Delivered, [ParadoxStatusTag] = "200", [ReasonTag] = None,
        }, delivery.Tags);
        var attempts = Assert.Single(_captured.Points(DeliveryAttempts, (OutcomeTag, DeliveryOutcomes.Delivered)));
        Assert.Equal((1L, 3.0), (attempts.Count, attempts.Sum));
        var time = Assert.Single(_captured.Points(TimeToParadox, (OutcomeTag, DeliveryOutcomes.Delivered)));
        Assert.Equal((1L, Waited.TotalSeconds, "s"), (time.Count, time.Sum, time.Unit));
    }

    [Fact]
    public async Task A_transient_failure_counts_as_retried_with_its_status_and_records_no_time_or_attempts()
    {
        Paradox(new ParadoxOutcome(ParadoxOutcomeKind.Transient, 503, "Paradox answered HTTP 503; will retry."));

        Assert.Equal(DeliveryResult.Retrying, await Processor().ProcessAsync(Message(attempt: 1), CancellationToken.None));

        Assert.Equal(1, _captured.Sum(Deliveries, (OutcomeTag, DeliveryOutcomes.Retried), (ParadoxStatusTag, "503"), (ReasonTag, None)));
        Assert.Empty(_captured.Points(DeliveryAttempts));
        Assert.Empty(_captured.Points(TimeToParadox));
    }

    [Fact]
    public async Task A_timeout_counts_as_retried_with_no_Paradox_status()
    {
        Paradox(new ParadoxOutcome(ParadoxOutcomeKind.Transient, null, "Paradox did not answer in time; will retry."));

        await Processor().ProcessAsync(Message(attempt: 1), CancellationToken.None);

        Assert.Equal(1, _captured.Sum(Deliveries, (OutcomeTag, DeliveryOutcomes.Retried), (ParadoxStatusTag, None)));
    }

    [Fact]
    public async Task A_rejection_counts_with_its_dead_letter_reason_attempts_and_time_to_Paradox()
    {
        Paradox(new ParadoxOutcome(ParadoxOutcomeKind.Rejected, 400, "Paradox declined the request."));

        Assert.Equal(DeliveryResult.Rejected, await Processor().ProcessAsync(Message(attempt: 2), CancellationToken.None));

        Assert.Equal(1, _captured.Sum(Deliveries,
            (OutcomeTag, DeliveryOutcomes.Rejected), (ParadoxStatusTag, "400"), (ReasonTag, DeadLetterReasons.ParadoxDeclined)));
        Assert.Equal(2, _captured.Sum(DeliveryAttempts, (OutcomeTag, DeliveryOutcomes.Rejected)));
        Assert.Equal(Waited.TotalSeconds, _captured.Sum(TimeToParadox, (OutcomeTag, DeliveryOutcomes.Rejected)));
    }

    [Fact]
    public async Task An_expiry_counts_with_its_reason_and_attempts_but_no_time_to_Paradox()
    {
        Paradox(new ParadoxOutcome(ParadoxOutcomeKind.Transient, 500, "Paradox answered HTTP 500; will retry."));
        var late = Message(attempt: 7, receivedAgo: _options.RetryHorizon - TimeSpan.FromSeconds(1));

        Assert.Equal(DeliveryResult.Expired, await Processor().ProcessAsync(late, CancellationToken.None));

        Assert.Equal(1, _captured.Sum(Deliveries,
            (OutcomeTag, DeliveryOutcomes.Expired), (ParadoxStatusTag, "500"), (ReasonTag, DeadLetterReasons.RetriesExhausted)));
        Assert.Equal(0, _captured.Sum(Deliveries, (OutcomeTag, DeliveryOutcomes.Retried)));
        Assert.Equal(7, _captured.Sum(DeliveryAttempts, (OutcomeTag, DeliveryOutcomes.Expired)));
        Assert.Empty(_captured.Points(TimeToParadox));
    }

    [Fact]
    public async Task A_poisoned_message_counts_as_poisoned_with_its_reason()
    {
        _records.Setup(r => r.GetAsync(Caller, _trackingId, It.IsAny<CancellationToken>())).ReturnsAsync((RequestRecord?)null);

        await Recorder().RecordAsync(Message(attempt: 1), CancellationToken.None);
        await Recorder().RecordAsync("not a delivery message", CancellationToken.None);

        Assert.Equal(1, _captured.Sum(Deliveries, (OutcomeTag, DeliveryOutcomes.Poisoned), (ReasonTag, DeadLetterReasons.Poisoned), (ParadoxStatusTag, None)));
        Assert.Equal(1, _captured.Sum(Deliveries, (OutcomeTag, DeliveryOutcomes.Poisoned), (ReasonTag, DeadLetterReasons.UnreadableMessage)));
    }

    public void Dispose() => _captured.Dispose();

    private void Paradox(ParadoxOutcome outcome) =>
        _paradox.Setup(p => p.SendInterviewAlertAsync(It.IsAny<ReadOnlyMemory<byte>>(), _trackingId, It.IsAny<CancellationToken>())).ReturnsAsync(outcome);

    private DeadLetterWriter Writer() => new(_deadLetters.Object, _records.Object, _time, NullLogger<DeadLetterWriter>.Instance);

    private DeliveryProcessor Processor() => new(_paradox.Object, _records.Object, _queue.Object, Writer(), Mock.Of<IPayloadStore>(),
        Options.Create(_options), _captured.Metrics, _time, NullLogger<DeliveryProcessor>.Instance);

    private PoisonRecorder Recorder() => new(_records.Object, Writer(), _captured.Metrics, _time, NullLogger<PoisonRecorder>.Instance);

    private string Message(int attempt, TimeSpan? receivedAgo = null) => DeliveryMessageSerializer.Serialize(new DeliveryMessage
    {
        TrackingId = _trackingId,
        Caller = Caller,
        Source = RequestShape.Native,
        ReceivedAt = _time.GetUtcNow() - (receivedAgo ?? Waited),
        Attempt = attempt,
        Body = """{"ex_id":"C-1","interview_duration":30,"interview_type":2}"""u8.ToArray(),
    });
}
