using InterviewAlerts.Core.Tracking;

namespace InterviewAlerts.Core.Tests.Tracking;

/// <summary>The OData filter a records query sends: within the caller's partition, values quoted, key entities excluded.</summary>
public sealed class TableRecordFilterTests
{
    [Fact]
    public void A_search_becomes_conditions_joined_by_and_with_values_quoted()
    {
        var filter = TableRecordFilter.ToOData(new RecordFilter
        {
            Caller = "o'brien",
            TransactId = "TX-1",
            ExIdHash = "abc",
            States = [RequestState.Refused, RequestState.Rejected],
            ReceivedFrom = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
            ReceivedTo = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero),
        });

        Assert.Equal(
            "PartitionKey eq 'o''brien' and TransactId eq 'TX-1' and ExIdHash eq 'abc' and ReceivedAt ge datetime'2026-11-01T00:00:00Z' "
            + "and ReceivedAt le datetime'2026-11-02T00:00:00Z' and (State eq 'Refused' or State eq 'Rejected')",
            filter);
    }

    [Fact]
    public void Held_dead_letters_are_dead_lettered_states_with_a_dead_letter_time()
    {
        var filter = TableRecordFilter.ToOData(new RecordFilter { DeadLetterHeld = true, DeadLetterReason = "paradox_declined" });

        Assert.Equal(
            "DeadLetterReason eq 'paradox_declined' and ReceivedAt ge datetime'2000-01-01T00:00:00Z' and DeadLetteredAt ge datetime'2000-01-01T00:00:00Z' "
            + "and (State eq 'Rejected' or State eq 'Expired' or State eq 'Poisoned')",
            filter);
    }

    [Fact]
    public void Held_dead_letters_in_a_state_that_never_holds_one_match_nothing()
    {
        var filter = TableRecordFilter.ToOData(new RecordFilter { DeadLetterHeld = true, States = [RequestState.Delivered] });

        Assert.Contains("RowKey eq ''", filter, StringComparison.Ordinal);
        Assert.DoesNotContain("State eq", filter, StringComparison.Ordinal);
    }
}
