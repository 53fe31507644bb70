namespace InterviewAlerts.Core.Storage;

/// <summary>Names of the queues, table and containers the adapter uses. The infrastructure creates the same names.</summary>
public static class StorageNames
{
    public const string DeliveryQueue = "interview-alerts";

    /// <summary>Where the Functions runtime moves a message after maxDequeueCount failed tries.</summary>
    public const string PoisonQueue = DeliveryQueue + "-poison";

    /// <summary>Dead letters: rejected, expired and poisoned requests with their message and reason, for an operator.</summary>
    public const string DeadLetterContainer = "dead-letters";

    public const string RecordsTable = "InterviewAlertRecords";

    /// <summary>Bodies too large for a queue message.</summary>
    public const string PayloadContainer = "interview-alert-payloads";

    /// <summary>The app setting (or section) holding the storage connection, as the Functions host names it.</summary>
    public const string ConnectionSetting = "AzureWebJobsStorage";
}
