namespace InterviewAlerts.Core.Storage;

/// <summary>
/// Blobs of one request, named after its tracking id: its body when too large for a queue message, and its dead
/// letter when too large for one. Kept until the request is delivered or its retention ends.
/// </summary>
public interface IPayloadStore
{
    /// <summary>Saves the request's body; returns the blob name a message refers to.</summary>
    Task<string> SaveAsync(string trackingId, BinaryData body, CancellationToken cancellationToken);

    /// <summary>Saves (or overwrites) the request's whole dead letter; returns the blob name.</summary>
    Task<string> SaveDeadLetterAsync(string trackingId, BinaryData deadLetter, CancellationToken cancellationToken);

    Task<BinaryData> LoadAsync(string blobName, CancellationToken cancellationToken);

    Task DeleteAsync(string blobName, CancellationToken cancellationToken);

    /// <summary>Names of blobs last written before <paramref name="cutoff"/>.</summary>
    IAsyncEnumerable<string> ListOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
