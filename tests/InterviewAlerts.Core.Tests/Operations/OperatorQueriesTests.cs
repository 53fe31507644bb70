using InterviewAlerts.Core.Delivery;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Operations;
using InterviewAlerts.Core.Storage;
using InterviewAlerts.Core.Tracking;
using Moq;

namespace InterviewAlerts.Core.Tests.Operations;

/// <summary>Search ordering and truncation, detail of a dead-lettered request, dead letters grouped by reason.</summary>
public sealed class OperatorQueriesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
    private readonly Mock<IRequestRecordStore> _records = new();
    private readonly Mock<IDeadLetterStore> _deadLetters = new();

    [Fact]
    public async Task Search_answers_newest_first_up_to_the_limit_and_says_truncated_when_more_matched()
    {
        var records = Enumerable.Range(1, 5).Select(i => Record(RequestState.Delivered, Now.AddMinutes(i))).ToList();
        _records.Setup(r => r.QueryAsync(It.IsAny<RecordFilter>(), OperatorQueries.MaxRowsRead, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RecordPage(records, false));

        var result = await Queries().SearchAsync(new RequestSearch { From = Now, To = Now.AddHours(1), Limit = 3 }, CancellationToken.None);

        Assert.Equal(records.AsEnumerable().Reverse().Take(3).Select(r => r.TrackingId), result.Items.Select(i => i.TrackingId));
        Assert.True(result.Truncated);
        Assert.Equal("delivered", result.Items[0].State);
    }

    [Fact]
    public async Task Search_reading_past_its_row_cap_says_truncated()
    {
        _records.Setup(r => r.QueryAsync(It.IsAny<RecordFilter>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RecordPage([Record(RequestState.Received, Now)], true));

        var result = await Queries().SearchAsync(new RequestSearch { From = Now, To = Now }, CancellationToken.None);

        Assert.True(result.Truncated);
    }

    [Fact]
    public async Task Detail_of_a_dead_lettered_request_shows_its_reason_and_whether_the_dead_letter_is_held()
    {
        var record = Record(RequestState.Rejected, Now) with
        {
            DeadLetteredAt = Now, DeadLetterReason = DeadLetterReasons.ParadoxConflict, LastError = "Paradox refused (HTTP 409)", LastHttpStatus = 409,
            History = [new AttemptEntry(1, Now, "Rejected", 409, "conflict")],
        };
        _records.Setup(r => r.FindAsync(record.TrackingId, It.IsAny<CancellationToken>())).ReturnsAsync(record);
        _deadLetters.Setup(d => d.ExistsAsync("acme", record.TrackingId, It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var detail = await Queries().GetAsync(record.TrackingId, CancellationToken.None);

        Assert.Equal(new DeadLetterView(DeadLetterReasons.ParadoxConflict, "Paradox refused (HTTP 409)", Now, true), detail!.DeadLetter);
        Assert.Equal(("rejected", DeadLetterReasons.ParadoxConflict, 409), (detail.State, detail.ReasonCode, detail.LastHttpStatus));
        Assert.Equal(409, Assert.Single(detail.History).HttpStatus);
    }

    [Fact]
    public async Task Detail_of_an_unknown_or_malformed_id_is_null()
    {
        Assert.Null(await Queries().GetAsync(TrackingIds.New(), CancellationToken.None));
        Assert.Null(await Queries().GetAsync("x", CancellationToken.None));
        _records.Verify(r => r.FindAsync("x", It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Dead_letters_are_grouped_by_reason_largest_group_first_with_their_oldest_and_newest()
    {
        RequestRecord Ended(string reason, int minutes) =>
            Record(RequestState.Rejected, Now) with { DeadLetterReason = reason, DeadLetteredAt = Now.AddMinutes(minutes) };
        _records.Setup(r => r.QueryAsync(It.Is<RecordFilter>(f => f.DeadLetterHeld && f.Caller == "acme"), OperatorQueries.MaxDeadLettersRead, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RecordPage(
            [
                Ended(DeadLetterReasons.ParadoxConflict, 5), Ended(DeadLetterReasons.ParadoxDeclined, 1),
                Ended(DeadLetterReasons.ParadoxDeclined, 9), Ended(DeadLetterReasons.ParadoxDeclined, 3),
            ], false));

        var overview = await Queries().DeadLettersAsync("acme", null, CancellationToken.None);

        Assert.Equal([(DeadLetterReasons.ParadoxDeclined, 3), (DeadLetterReasons.ParadoxConflict, 1)], overview.Groups.Select(g => (g.ReasonCode, g.Count)));
        var declined = overview.Groups[0];
        Assert.Equal((Now.AddMinutes(1), Now.AddMinutes(9)), (declined.Oldest, declined.Newest));
        Assert.Equal(3, declined.Items.Count);
        Assert.False(overview.Truncated);
    }

    private static RequestRecord Record(RequestState state, DateTimeOffset receivedAt) => new()
    {
        TrackingId = TrackingIds.New(),
        Caller = "acme",
        Source = RequestShape.BrassRing,
        State = state,
        ReceivedAt = receivedAt,
        UpdatedAt = receivedAt,
    };

    private OperatorQueries Queries() => new(_records.Object, _deadLetters.Object);
}
