namespace InterviewAlerts.Core.Storage;

/// <summary>
/// Request bodies too large for a queue message, named after the tracking id. Kept until the request is delivered or
/// its retention ends.
/// </summary>
public interface IPayloadStore
{
    /// <summary>Saves the request's body; returns the blob name a message refers to.</summary>
    Task<string> SaveAsync(string trackingId, BinaryData body, CancellationToken cancellationToken);

    Task<BinaryData> LoadAsync(string blobName, CancellationToken cancellationToken);

    Task DeleteAsync(string blobName, CancellationToken cancellationToken);

    /// <summary>Names of blobs last written before <paramref name="cutoff"/>.</summary>
    IAsyncEnumerable<string> ListOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
