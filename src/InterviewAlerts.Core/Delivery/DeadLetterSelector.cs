using InterviewAlerts.Core.Tracking;

namespace InterviewAlerts.Core.Delivery;

/// <summary>The records a <see cref="DeadLetterSelection"/> names: by tracking id (null when unknown), or by reason code.</summary>
public sealed class DeadLetterSelector(IRequestRecordStore records)
{
    public async Task<IReadOnlyList<(string TrackingId, RequestRecord? Record)>> SelectAsync(DeadLetterSelection selection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        if (selection.TrackingIds.Count > 0)
        {
            var named = new List<(string, RequestRecord?)>(selection.TrackingIds.Count);
            foreach (var id in selection.TrackingIds.Distinct(StringComparer.Ordinal))
            {
                var record = !TrackingIds.IsWellFormed(id) ? null
                    : selection.Caller is { } caller ? await records.GetAsync(caller, id, cancellationToken).ConfigureAwait(false)
                    : await records.FindAsync(id, cancellationToken).ConfigureAwait(false);
                named.Add((id, record));
            }

            return named;
        }

        var page = await records.QueryAsync(new RecordFilter { Caller = selection.Caller, DeadLetterHeld = true, DeadLetterReason = selection.ReasonCode },
            DeadLetterSelection.MaxPerReason, cancellationToken).ConfigureAwait(false);
        return [.. page.Records.Select(record => (record.TrackingId, (RequestRecord?)record))];
    }
}
