using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using InterviewAlerts.Core.Delivery;
using InterviewAlerts.Core.Tracking;

namespace InterviewAlerts.Core.Storage;

/// <summary>
/// Dead letters as blobs in one container: "{caller}/{tracking id}.json" for requests (a blob holds any size, so the
/// whole message and reason are kept), "unreadable/{utc yyyyMMddHHmmss}-{guid}.json" for messages without a request.
/// </summary>
public sealed class BlobDeadLetterStore(BlobContainerClient container) : IDeadLetterStore
{
    public const string UnreadableFolder = "unreadable";

    public async Task WriteAsync(string caller, DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        await UploadAsync(NameOf(caller, deadLetter.TrackingId), deadLetter, cancellationToken).ConfigureAwait(false);
    }

    public async Task<string> WriteUnreadableAsync(DeadLetter deadLetter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        var name = $"{UnreadableFolder}/{deadLetter.DeadLetteredAt.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}.json";
        await UploadAsync(name, deadLetter, cancellationToken).ConfigureAwait(false);
        return name;
    }

    public async Task<DeadLetter?> ReadAsync(string caller, string trackingId, CancellationToken cancellationToken)
    {
        try
        {
            var content = await container.GetBlobClient(NameOf(caller, trackingId)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return DeliveryMessageSerializer.TryDeserialize<DeadLetter>(content.Value.Content.ToString(), out var deadLetter, out _) ? deadLetter : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<bool> ExistsAsync(string caller, string trackingId, CancellationToken cancellationToken) =>
        await container.GetBlobClient(NameOf(caller, trackingId)).ExistsAsync(cancellationToken).ConfigureAwait(false);

    public async Task DeleteAsync(string caller, string trackingId, CancellationToken cancellationToken) =>
        await container.GetBlobClient(NameOf(caller, trackingId)).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

    public async IAsyncEnumerable<DeadLetterBlob> ListOlderThanAsync(DateTimeOffset cutoff, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (blob.Properties.LastModified is not { } modified || modified >= cutoff) continue;
            var parts = blob.Name.Split('/');
            var trackingId = parts.Length == 2 && parts[1].EndsWith(".json", StringComparison.Ordinal) ? parts[1][..^".json".Length] : null;
            yield return parts[0] != UnreadableFolder && TrackingIds.IsWellFormed(trackingId)
                ? new DeadLetterBlob(blob.Name, parts[0], trackingId)
                : new DeadLetterBlob(blob.Name, null, null);
        }
    }

    public async Task DeleteAsync(DeadLetterBlob blob, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        await container.GetBlobClient(blob.Name).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static string NameOf(string caller, string trackingId) => $"{caller}/{trackingId}.json";

    private async Task UploadAsync(string name, DeadLetter deadLetter, CancellationToken cancellationToken) =>
        await container.GetBlobClient(name).UploadAsync(BinaryData.FromString(DeliveryMessageSerializer.Serialize(deadLetter)), overwrite: true, cancellationToken)
            .ConfigureAwait(false);
}
