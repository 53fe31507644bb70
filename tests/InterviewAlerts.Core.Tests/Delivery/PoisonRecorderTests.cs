using InterviewAlerts.Core.Delivery;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Storage;
using InterviewAlerts.Core.Tests.Observability;
using InterviewAlerts.Core.Tracking;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace InterviewAlerts.Core.Tests.Delivery;

/// <summary>The poison path: every poisoned message ends with one dead letter; a request with an outcome keeps it.</summary>
public sealed class PoisonRecorderTests
{
    private static readonly string TrackingId = TrackingIds.New();
    private const string Caller = "acme-export";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    private readonly Mock<IRequestRecordStore> _records = new();
    private readonly Mock<IDeadLetterStore> _deadLetters = new();
    private readonly List<string> _writes = [];
    private readonly List<DeadLetter> _written = [];

    public PoisonRecorderTests()
    {
        _records.Setup(r => r.UpsertAsync(It.IsAny<RequestRecord>(), It.IsAny<CancellationToken>()))
            .Callback((RequestRecord r, CancellationToken _) => _writes.Add($"record {r.State}{(r.DeadLetteredAt is null ? "" : " noted")}"))
            .Returns(Task.CompletedTask);
        _deadLetters.Setup(d => d.WriteAsync(It.IsAny<string>(), It.IsAny<DeadLetter>(), It.IsAny<CancellationToken>()))
            .Callback((string _, DeadLetter d, CancellationToken _) => { _writes.Add("dead letter"); _written.Add(d); })
            .Returns(Task.CompletedTask);
        _deadLetters.Setup(d => d.WriteUnreadableAsync(It.IsAny<DeadLetter>(), It.IsAny<CancellationToken>()))
            .Callback((DeadLetter d, CancellationToken _) => { _writes.Add("dead letter"); _written.Add(d); })
            .ReturnsAsync("unreadable/x.json");
    }

    [Fact]
    public async Task Rejected_request_without_its_dead_letter_gets_it_with_Paradox_reason_and_stays_rejected()
    {
        Given(Record(RequestState.Rejected) with { LastError = "Paradox declined the request: [redacted] is blocked." });

        await Recorder().RecordAsync(Raw(), CancellationToken.None);

        var deadLetter = Assert.Single(_written);
        Assert.Equal(RequestState.Rejected, deadLetter.State);
        Assert.Equal("Paradox declined the request: [redacted] is blocked.", deadLetter.Reason);
        Assert.Equal(DeadLetterReasons.ParadoxDeclined, deadLetter.ReasonCode);
        Assert.Equal(["dead letter", "record Rejected noted"], _writes);
    }

    [Theory]
    [InlineData(RequestState.Delivered, false)]
    [InlineData(RequestState.Rejected, true)]
    [InlineData(RequestState.Expired, true)]
    public async Task Request_that_already_ended_with_its_dead_letter_is_left_alone(RequestState state, bool deadLettered)
    {
        Given(Record(state) with { DeadLetteredAt = deadLettered ? _time.GetUtcNow() : null });

        await Recorder().RecordAsync(Raw(), CancellationToken.None);

        Assert.Empty(_writes);
    }

    [Fact]
    public async Task Request_still_in_flight_is_marked_poisoned_before_its_dead_letter_is_written()
    {
        Given(Record(RequestState.Retrying));

        await Recorder().RecordAsync(Raw(), CancellationToken.None);

        Assert.Equal(["record Poisoned", "dead letter", "record Poisoned noted"], _writes);
        Assert.Equal(PoisonRecorder.PoisonedReason, Assert.Single(_written).Reason);
        Assert.Equal(DeadLetterReasons.Poisoned, _written[0].ReasonCode);
    }

    [Fact]
    public async Task Unreadable_message_is_dead_lettered_as_is()
    {
        await Recorder().RecordAsync("not json", CancellationToken.None);

        var deadLetter = Assert.Single(_written);
        Assert.Equal("not json", deadLetter.RawMessage);
        Assert.Equal(RequestState.Poisoned, deadLetter.State);
        Assert.Equal(DeadLetterReasons.UnreadableMessage, deadLetter.ReasonCode);
        Assert.StartsWith("Poisoned and unreadable:", deadLetter.Reason, StringComparison.Ordinal);
    }

    private void Given(RequestRecord record) =>
        _records.Setup(r => r.GetAsync(Caller, TrackingId, It.IsAny<CancellationToken>())).ReturnsAsync(record);

    private PoisonRecorder Recorder() => new(
        _records.Object,
        new DeadLetterWriter(_deadLetters.Object, _records.Object, _time, NullLogger<DeadLetterWriter>.Instance),
        UnobservedMetrics.Instance,
        _time,
        NullLogger<PoisonRecorder>.Instance);

    private string Raw() => DeliveryMessageSerializer.Serialize(new DeliveryMessage
    {
        TrackingId = TrackingId,
        Caller = Caller,
        Source = RequestShape.Native,
        ReceivedAt = _time.GetUtcNow() - TimeSpan.FromMinutes(5),
        Body = """{"ex_id":"C-1"}"""u8.ToArray(),
    });

    private RequestRecord Record(RequestState state) => new()
    {
        TrackingId = TrackingId,
        Caller = Caller,
        Source = RequestShape.Native,
        State = state,
        ReceivedAt = _time.GetUtcNow() - TimeSpan.FromMinutes(5),
        Attempts = 1,
        ETag = "3",
    };
}
