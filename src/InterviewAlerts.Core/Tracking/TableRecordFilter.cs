using Azure.Data.Tables;

namespace InterviewAlerts.Core.Tracking;

/// <summary>
/// A <see cref="RecordFilter"/> as an OData filter on the records table. Every value goes through the SDK's quoting;
/// a caller is a PartitionKey condition, so the query stays within that partition.
/// </summary>
public static class TableRecordFilter
{
    /// <summary>Before any record: a comparison on a date also excludes entities without that property (key entities).</summary>
    private static readonly DateTimeOffset Epoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string ToOData(RecordFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var parts = new List<string>();
        if (filter.Caller is { } caller) parts.Add(TableClient.CreateQueryFilter($"PartitionKey eq {caller}"));
        if (filter.TrackingId is { } trackingId) parts.Add(TableClient.CreateQueryFilter($"RowKey eq {trackingId}"));
        if (filter.TransactId is { } transactId) parts.Add(TableClient.CreateQueryFilter($"TransactId eq {transactId}"));
        if (filter.ExIdHash is { } exIdHash) parts.Add(TableClient.CreateQueryFilter($"ExIdHash eq {exIdHash}"));
        if (filter.DeadLetterReason is { } reason) parts.Add(TableClient.CreateQueryFilter($"DeadLetterReason eq {reason}"));
        parts.Add(TableClient.CreateQueryFilter($"ReceivedAt ge {filter.ReceivedFrom ?? Epoch}"));
        if (filter.ReceivedTo is { } to) parts.Add(TableClient.CreateQueryFilter($"ReceivedAt le {to}"));

        IEnumerable<RequestState> states = filter.States;
        if (filter.DeadLetterHeld)
        {
            parts.Add(TableClient.CreateQueryFilter($"DeadLetteredAt ge {Epoch}"));
            states = filter.States.Count == 0
                ? Enum.GetValues<RequestState>().Where(RequestStates.IsDeadLettered)
                : filter.States.Where(RequestStates.IsDeadLettered);
        }

        var stateList = states.Distinct().ToList();
        // Held dead letters asked for only in states that never hold one: nothing matches (no RowKey is empty).
        if (filter.DeadLetterHeld && stateList.Count == 0) parts.Add("RowKey eq ''");
        if (stateList.Count > 0)
        {
            parts.Add("(" + string.Join(" or ", stateList.Select(state => TableClient.CreateQueryFilter($"State eq {state.ToString()}"))) + ")");
        }

        return string.Join(" and ", parts);
    }
}
