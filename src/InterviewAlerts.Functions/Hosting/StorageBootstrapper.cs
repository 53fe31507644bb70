using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using InterviewAlerts.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InterviewAlerts.Functions.Hosting;

/// <summary>
/// Creates the queues, table and containers if they are missing (locally Azurite starts empty; in Azure the
/// Bicep templates create them and this is a no-op). A failure is logged, never fatal: ingest answers 503 then.
/// </summary>
internal sealed partial class StorageBootstrapper(
    QueueServiceClient queues,
    TableServiceClient tables,
    BlobServiceClient blobs,
    ILogger<StorageBootstrapper> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(
                queues.GetQueueClient(StorageNames.DeliveryQueue).CreateIfNotExistsAsync(cancellationToken: cancellationToken),
                queues.GetQueueClient(StorageNames.PoisonQueue).CreateIfNotExistsAsync(cancellationToken: cancellationToken),
                tables.CreateTableIfNotExistsAsync(StorageNames.RecordsTable, cancellationToken),
                CreateContainerIfMissingAsync(blobs.GetBlobContainerClient(StorageNames.PayloadContainer), cancellationToken),
                CreateContainerIfMissingAsync(blobs.GetBlobContainerClient(StorageNames.DeadLetterContainer), cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogBootstrapFailed(logger, ex.GetType().Name, ex.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Asks before creating: CreateIfNotExists on an existing container answers 409, which the SDK logs as a warning
    /// with every header on each start. The create stays "if not exists" for a racing instance.
    /// </summary>
    private async Task CreateContainerIfMissingAsync(BlobContainerClient container, CancellationToken cancellationToken)
    {
        if (!await ContainerExistsAsync(container, cancellationToken).ConfigureAwait(false))
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Asking a missing container about itself answers 404, also logged as a warning. With an account key (Azurite
    /// locally) the account's container list answers without an error; with a managed identity (Azure) the app holds
    /// rights on its own containers only, which the templates create, so there the container is asked.
    /// </summary>
    private async Task<bool> ContainerExistsAsync(BlobContainerClient container, CancellationToken cancellationToken)
    {
        if (!blobs.CanGenerateAccountSasUri)
        {
            return await container.ExistsAsync(cancellationToken).ConfigureAwait(false);
        }

        await foreach (var item in blobs.GetBlobContainersAsync(prefix: container.Name, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (item.Name == container.Name)
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "Could not create storage queues/table/container ({Error}: {Detail})")]
    private static partial void LogBootstrapFailed(ILogger logger, string error, string detail);
}
