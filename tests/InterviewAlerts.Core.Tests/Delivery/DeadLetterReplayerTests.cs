using InterviewAlerts.Core.Delivery;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Storage;
using InterviewAlerts.Core.Tracking;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace InterviewAlerts.Core.Tests.Delivery;

/// <summary>Replay and discard at their storage seams: record first (conditional), then queue, then the dead letter.</summary>
public sealed class DeadLetterReplayerTests
{
    private const string Caller = "acme-export";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly Mock<IRequestRecordStore> _records = new();
    private readonly Mock<IDeadLetterStore> _deadLetters = new();
    private readonly Mock<IDeliveryQueue> _queue = new();
    private readonly List<string> _steps = [];
    private readonly List<DeliveryMessage> _queued = [];
    private readonly List<RequestRecord> _updated = [];

    public DeadLetterReplayerTests()
    {
        _records.Setup(r => r.TryUpdateAsync(It.IsAny<RequestRecord>(), It.IsAny<CancellationToken>()))
            .Callback((RequestRecord r, CancellationToken _) => { _steps.Add($"record {r.State}"); _updated.Add(r); })
            .ReturnsAsync(true);
        _queue.Setup(q => q.EnqueueAsync(It.IsAny<DeliveryMessage>(), null, It.IsAny<CancellationToken>()))
            .Callback((DeliveryMessage m, TimeSpan? _, CancellationToken _) => { _steps.Add("enqueue"); _queued.Add(m); })
            .Returns(Task.CompletedTask);
        _deadLetters.Setup(d => d.DeleteAsync(Caller, It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback(() => _steps.Add("delete dead letter"))
            .Returns(Task.CompletedTask);
    }

    [Fact]
    public void Selection_limits_are_stated() => Assert.Equal((200, 500), (DeadLetterSelection.MaxTrackingIds, DeadLetterSelection.MaxPerReason));

    [Fact]
    public async Task A_held_dead_letter_is_reset_then_queued_with_a_fresh_window_then_removed()
    {
        var id = Ended(RequestState.Expired, attempts: 4, replays: 1);

        var report = await Replayer().ReplayAsync(new DeadLetterSelection([id]), CancellationToken.None);

        Assert.Equal([id], report.Replayed);
        Assert.Equal((0, 0), (report.AlreadyDelivered.Count, report.NotFound.Count));
        Assert.Equal(["record Received", "enqueue", "delete dead letter"], _steps);
        var reset = Assert.Single(_updated);
        Assert.Equal((2, null, null, 4), (reset.Replays, reset.DeadLetteredAt, reset.DeadLetterReason, reset.Attempts));
        var message = Assert.Single(_queued);
        Assert.Equal((5, _time.GetUtcNow()), (message.Attempt, message.RetryWindowStart));
    }

    [Fact]
    public async Task Delivered_unknown_refused_and_changed_meanwhile_are_not_sent()
    {
        var delivered = Ended(RequestState.Delivered);
        var refused = Ended(RequestState.Refused);
        var changed = Ended(RequestState.Rejected);
        _records.Setup(r => r.TryUpdateAsync(It.Is<RequestRecord>(x => x.TrackingId == changed), It.IsAny<CancellationToken>())).ReturnsAsync(false);
        var unknown = TrackingIds.New();

        var report = await Replayer().ReplayAsync(new DeadLetterSelection([delivered, refused, changed, unknown, "not-an-id"]), CancellationToken.None);

        Assert.Empty(report.Replayed);
        Assert.Equal([delivered], report.AlreadyDelivered);
        Assert.Equal([refused, changed, unknown, "not-an-id"], report.NotFound);
        Assert.Empty(_queued);
    }

    [Fact]
    public async Task By_reason_code_the_held_dead_letters_of_that_reason_within_the_caller_are_replayed()
    {
        var a = Ended(RequestState.Rejected);
        var b = Ended(RequestState.Rejected);
        RecordFilter? asked = null;
        _records.Setup(r => r.QueryAsync(It.IsAny<RecordFilter>(), DeadLetterSelection.MaxPerReason, It.IsAny<CancellationToken>()))
            .Callback((RecordFilter f, int _, CancellationToken _) => asked = f)
            .ReturnsAsync(new RecordPage([Stored(a, RequestState.Rejected), Stored(b, RequestState.Rejected)], false));

        var report = await Replayer().ReplayAsync(new DeadLetterSelection([], DeadLetterReasons.ParadoxDeclined, Caller), CancellationToken.None);

        Assert.Equal([a, b], report.Replayed);
        Assert.Equal((Caller, true, DeadLetterReasons.ParadoxDeclined), (asked!.Caller, asked.DeadLetterHeld, asked.DeadLetterReason));
    }

    [Fact]
    public async Task Discard_marks_the_record_discarded_before_deleting_its_dead_letter()
    {
        var id = Ended(RequestState.Rejected);
        var gone = Ended(RequestState.Rejected, held: false);

        var report = await Discarder().DiscardAsync(new DeadLetterSelection([id, gone]), CancellationToken.None);

        Assert.Equal([id], report.Discarded);
        Assert.Equal([gone], report.NotFound);
        Assert.Equal(["record Discarded", "delete dead letter"], _steps);
        Assert.Equal(_time.GetUtcNow(), Assert.Single(_updated).DiscardedAt);
    }

    private string Ended(RequestState state, int attempts = 1, int replays = 0, bool held = true)
    {
        var id = TrackingIds.New();
        _records.Setup(r => r.FindAsync(id, It.IsAny<CancellationToken>())).ReturnsAsync(Stored(id, state, attempts, replays));
        var deadLetter = new DeadLetter
        {
            TrackingId = id,
            State = state,
            Reason = "no",
            DeadLetteredAt = _time.GetUtcNow(),
            Message = new DeliveryMessage { TrackingId = id, Caller = Caller, Source = RequestShape.Native, ReceivedAt = _time.GetUtcNow(), Attempt = attempts, Body = "{}"u8.ToArray() },
        };
        _deadLetters.Setup(d => d.ReadAsync(Caller, id, It.IsAny<CancellationToken>())).ReturnsAsync(held ? deadLetter : null);
        _deadLetters.Setup(d => d.ExistsAsync(Caller, id, It.IsAny<CancellationToken>())).ReturnsAsync(held);
        return id;
    }

    private RequestRecord Stored(string id, RequestState state, int attempts = 1, int replays = 0) => new()
    {
        TrackingId = id,
        Caller = Caller,
        Source = RequestShape.Native,
        State = state,
        ReceivedAt = _time.GetUtcNow(),
        Attempts = attempts,
        Replays = replays,
        DeadLetteredAt = state.IsDeadLettered() ? _time.GetUtcNow() : null,
        DeadLetterReason = state.IsDeadLettered() ? DeadLetterReasons.ParadoxDeclined : null,
        ETag = "W/1",
    };

    private DeadLetterReplayer Replayer() => new(new DeadLetterSelector(_records.Object), _deadLetters.Object, _queue.Object, _records.Object, _time,
        NullLogger<DeadLetterReplayer>.Instance);

    private DeadLetterDiscarder Discarder() => new(new DeadLetterSelector(_records.Object), _deadLetters.Object, _records.Object, _time,
        NullLogger<DeadLetterDiscarder>.Instance);
}
