using InterviewAlerts.Core.Delivery;

namespace InterviewAlerts.Core.Storage;

/// <summary>
/// Dead letters, one blob per ended request ("{caller}/{tracking id}.json"), indexed by the request records: written by
/// delivery after the terminal state is recorded, read by replay, removed by replay and discard, deleted with their
/// records at the end of the retention. Messages that cannot be read at all go to "unreadable/…".
/// </summary>
public interface IDeadLetterStore
{
    /// <summary>Writes (or overwrites: one dead letter per request) the dead letter of <paramref name="caller"/>'s request.</summary>
    Task WriteAsync(string caller, DeadLetter deadLetter, CancellationToken cancellationToken);

    /// <summary>Keeps a message that is not a readable request, under a name of its own, for a person to inspect.</summary>
    Task<string> WriteUnreadableAsync(DeadLetter deadLetter, CancellationToken cancellationToken);

    /// <summary>The request's dead letter; null when none is held (or it cannot be read).</summary>
    Task<DeadLetter?> ReadAsync(string caller, string trackingId, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string caller, string trackingId, CancellationToken cancellationToken);

    /// <summary>Removes the request's dead letter; nothing happens when none is held.</summary>
    Task DeleteAsync(string caller, string trackingId, CancellationToken cancellationToken);

    /// <summary>Every dead letter last written before <paramref name="cutoff"/>.</summary>
    IAsyncEnumerable<DeadLetterBlob> ListOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    Task DeleteAsync(DeadLetterBlob blob, CancellationToken cancellationToken);
}
