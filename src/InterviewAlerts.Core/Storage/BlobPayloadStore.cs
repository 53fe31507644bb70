using System.Runtime.CompilerServices;
using Azure.Storage.Blobs;

namespace InterviewAlerts.Core.Storage;

/// <summary>Request bodies too large for a queue message, in one container: "{tracking id}.json".</summary>
public sealed class BlobPayloadStore(BlobContainerClient container) : IPayloadStore
{
    public Task<string> SaveAsync(string trackingId, BinaryData body, CancellationToken cancellationToken) =>
        UploadAsync(trackingId + ".json", body, cancellationToken);

    public async Task<BinaryData> LoadAsync(string blobName, CancellationToken cancellationToken)
    {
        var result = await container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        return result.Value.Content;
    }

    public async Task DeleteAsync(string blobName, CancellationToken cancellationToken) =>
        await container.GetBlobClient(blobName).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

    public async IAsyncEnumerable<string> ListOlderThanAsync(DateTimeOffset cutoff, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (blob.Properties.LastModified is { } modified && modified < cutoff) yield return blob.Name;
        }
    }

    private async Task<string> UploadAsync(string name, BinaryData content, CancellationToken cancellationToken)
    {
        await container.GetBlobClient(name).UploadAsync(content, overwrite: true, cancellationToken).ConfigureAwait(false);
        return name;
    }
}
