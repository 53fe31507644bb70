using Azure.Storage.Blobs;

namespace InterviewAlerts.Core.Storage;

/// <summary>Large request bodies in a blob container, one blob per tracking id.</summary>
public sealed class BlobPayloadStore(BlobContainerClient container) : IPayloadStore
{
    public async Task<string> SaveAsync(string trackingId, BinaryData body, CancellationToken cancellationToken)
    {
        var name = trackingId + ".json";
        await container.GetBlobClient(name).UploadAsync(body, overwrite: true, cancellationToken).ConfigureAwait(false);
        return name;
    }

    public async Task<BinaryData> LoadAsync(string blobName, CancellationToken cancellationToken)
    {
        var result = await container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        return result.Value.Content;
    }

    public async Task DeleteAsync(string blobName, CancellationToken cancellationToken) =>
        await container.GetBlobClient(blobName).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
}
