using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using InterviewAlerts.Core.Storage;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewAlerts.Functions.Hosting;

/// <summary>
/// Storage clients from the same "AzureWebJobsStorage" setting the Functions host uses: a connection string
/// locally (Azurite), or service URIs with a user-assigned managed identity in Azure.
/// </summary>
internal static class StorageRegistration
{
    public static void AddStorageClients(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(StorageNames.ConnectionSetting);
        var connectionString = section.Value;
        services.AddAzureClients(clients =>
        {
            if (!string.IsNullOrWhiteSpace(connectionString))
            {
                clients.AddQueueServiceClient(connectionString).ConfigureOptions(ConfigureQueues);
                clients.AddTableServiceClient(connectionString).ConfigureOptions(o => ConfigureRetry(o.Retry));
                clients.AddBlobServiceClient(connectionString).ConfigureOptions(o => ConfigureRetry(o.Retry));
                return;
            }

            var credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(
                Required(section, "clientId")));
            clients.AddQueueServiceClient(new Uri(Required(section, "queueServiceUri"))).WithCredential(credential).ConfigureOptions(ConfigureQueues);
            clients.AddTableServiceClient(new Uri(Required(section, "tableServiceUri"))).WithCredential(credential).ConfigureOptions(o => ConfigureRetry(o.Retry));
            clients.AddBlobServiceClient(new Uri(Required(section, "blobServiceUri"))).WithCredential(credential).ConfigureOptions(o => ConfigureRetry(o.Retry));
        });

        services.AddSingleton<IDeliveryQueue>(sp => new StorageDeliveryQueue(sp.GetRequiredService<QueueServiceClient>().GetQueueClient(StorageNames.DeliveryQueue)));
        services.AddSingleton<IDeadLetterStore>(sp => new BlobDeadLetterStore(sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.DeadLetterContainer)));
        services.AddSingleton<IPayloadStore>(sp => new BlobPayloadStore(sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.PayloadContainer)));
        services.AddSingleton(sp => sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.RecordsTable));
    }

    private static string Required(IConfigurationSection section, string key) =>
        section[key] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Storage is not configured: set {section.Path} (a connection string) or {section.Path}__{key}.");

    /// <summary>Base64, as the queue trigger expects; few, quick retries so a storage outage answers 503 fast.</summary>
    private static void ConfigureQueues(QueueClientOptions options)
    {
        options.MessageEncoding = QueueMessageEncoding.Base64;
        ConfigureRetry(options.Retry);
    }

    private static void ConfigureRetry(RetryOptions retry)
    {
        retry.MaxRetries = 2;
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.MaxDelay = TimeSpan.FromSeconds(2);
        retry.NetworkTimeout = TimeSpan.FromSeconds(10);
    }
}
