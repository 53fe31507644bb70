using InterviewAlerts.Core.Storage;
using InterviewAlerts.Core.Tracking;

namespace InterviewAlerts.Core.Operations;

/// <summary>
/// What operators read: requests found by any of their labels, one request's detail, held dead letters by reason.
/// Reads records only (and one blob check for a detail); never a body, never candidate data.
/// </summary>
public sealed class OperatorQueries(IRequestRecordStore records, IDeadLetterStore deadLetters)
{
    /// <summary>Most records one search reads before it answers "truncated".</summary>
    public const int MaxRowsRead = 1000;

    /// <summary>Most held dead letters one overview reads.</summary>
    public const int MaxDeadLettersRead = 5000;

    public async Task<RequestSearchResult> SearchAsync(RequestSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        var page = await records.QueryAsync(search.ToFilter(), MaxRowsRead, cancellationToken).ConfigureAwait(false);
        var items = page.Records
            .OrderByDescending(record => record.ReceivedAt)
            .ThenBy(record => record.TrackingId, StringComparer.Ordinal)
            .Take(search.Limit)
            .Select(RequestSummary.Of)
            .ToList();
        return new RequestSearchResult(items, page.Truncated || page.Records.Count > search.Limit);
    }

    /// <summary>The request with this tracking id, whichever caller sent it; null when unknown (or malformed).</summary>
    public async Task<RequestDetail?> GetAsync(string trackingId, CancellationToken cancellationToken)
    {
        if (!TrackingIds.IsWellFormed(trackingId)) return null;
        if (await records.FindAsync(trackingId, cancellationToken).ConfigureAwait(false) is not { } record) return null;

        DeadLetterView? deadLetter = null;
        if (record.State.IsDeadLettered() && record.DeadLetteredAt is { } deadLetteredAt)
        {
            var held = await deadLetters.ExistsAsync(record.Caller, record.TrackingId, cancellationToken).ConfigureAwait(false);
            deadLetter = new DeadLetterView(RequestSummary.ReasonCodeOf(record)!, record.LastError ?? record.State.ToString(), deadLetteredAt, held);
        }

        return new RequestDetail
        {
            TrackingId = record.TrackingId,
            Caller = record.Caller,
            Shape = RequestSummary.ShapeName(record),
            Manifest = record.Manifest,
            TransactId = record.TransactId,
            PacketId = record.PacketId,
            State = RequestSummary.StateName(record),
            ReceivedAt = record.ReceivedAt,
            UpdatedAt = record.UpdatedAt,
            Attempts = record.Attempts,
            LastHttpStatus = record.LastHttpStatus,
            ReasonCode = RequestSummary.ReasonCodeOf(record),
            ReasonCodes = record.ReasonCodes,
            Replays = record.Replays,
            DeliveredAt = record.DeliveredAt,
            DeadLetteredAt = record.DeadLetteredAt,
            DiscardedAt = record.DiscardedAt,
            AnsweredStatus = record.AnsweredStatus,
            Problems = record.Problems,
            History = record.History,
            DeadLetter = deadLetter,
        };
    }

    /// <summary>Held dead letters (optionally of one caller, one reason), grouped by reason code, largest group first.</summary>
    public async Task<DeadLetterOverview> DeadLettersAsync(string? caller, string? reasonCode, CancellationToken cancellationToken)
    {
        var page = await records.QueryAsync(new RecordFilter { Caller = caller, DeadLetterHeld = true, DeadLetterReason = reasonCode },
            MaxDeadLettersRead, cancellationToken).ConfigureAwait(false);
        var groups = page.Records
            .GroupBy(record => RequestSummary.ReasonCodeOf(record)!, StringComparer.Ordinal)
            .Select(group => new DeadLetterGroup(
                group.Key,
                group.Count(),
                group.Min(record => record.DeadLetteredAt!.Value),
                group.Max(record => record.DeadLetteredAt!.Value),
                [.. group.OrderByDescending(record => record.DeadLetteredAt).Take(DeadLetterGroup.MaxItems).Select(RequestSummary.Of)]))
            .OrderByDescending(group => group.Count)
            .ThenBy(group => group.ReasonCode, StringComparer.Ordinal)
            .ToList();
        return new DeadLetterOverview(groups, page.Truncated);
    }
}
