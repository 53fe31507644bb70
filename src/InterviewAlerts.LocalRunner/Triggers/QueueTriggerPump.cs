using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace InterviewAlerts.LocalRunner.Triggers;

/// <summary>
/// Feeds a queue-triggered function the way the Functions host does: a batch of batchSize messages, and the next
/// batch as soon as no more than newBatchThreshold are still running (so at most batchSize + newBatchThreshold in
/// flight); polling backs off up to maxPollingInterval only while the queue is empty, never while runs are busy. On
/// failure the message becomes visible again after visibilityTimeout; after maxDequeueCount failed tries it moves to
/// "&lt;queue&gt;-poison".
/// </summary>
internal sealed partial class QueueTriggerPump(
    QueueFunction function,
    QueueServiceClient queues,
    QueueHostSettings settings,
    IServiceProvider services,
    ILogger<QueueTriggerPump> logger) : BackgroundService
{
    /// <summary>While a function runs, its message stays invisible this long (the host renews it; runs here are short).</summary>
    private static readonly TimeSpan RunVisibility = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan FirstIdleDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>Signalled by every finished run. Not disposed: runs may still finish after the loop stops, and a
    /// SemaphoreSlim whose wait handle is never used holds no unmanaged resource.</summary>
    private readonly SemaphoreSlim _runFinished = new(0);

    private int _inFlight;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = queues.GetQueueClient(function.QueueName);
        var poison = queues.GetQueueClient(function.QueueName + "-poison");
        var idleDelay = FirstIdleDelay;

        while (!stoppingToken.IsCancellationRequested)
        {
            if (Volatile.Read(ref _inFlight) > settings.NewBatchThreshold)
            {
                // Busy: the next batch is fetched when enough runs have finished, not after a fixed sleep.
                await _runFinished.WaitAsync(stoppingToken);
                continue;
            }

            QueueMessage[] batch;
            try
            {
                await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                batch = (await queue.ReceiveMessagesAsync(Math.Max(1, settings.BatchSize), RunVisibility, stoppingToken)).Value;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPollFailed(logger, function.QueueName, ex.Message);
                batch = [];
            }

            if (batch.Length == 0)
            {
                await Task.Delay(idleDelay, stoppingToken);
                idleDelay = TimeSpan.FromMilliseconds(Math.Min(idleDelay.TotalMilliseconds * 2, settings.MaxPollingInterval.TotalMilliseconds));
                continue;
            }

            idleDelay = FirstIdleDelay;
            foreach (var message in batch)
            {
                Interlocked.Increment(ref _inFlight);
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await RunOneAsync(queue, poison, message, stoppingToken);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref _inFlight);
                        _runFinished.Release();
                    }
                }, CancellationToken.None);
            }
        }
    }

    private async Task RunOneAsync(QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            await FunctionInvoker.InvokeAsync(scope.ServiceProvider, function.Method, null, message, stoppingToken);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            var error = ex is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : ex;
            LogRunFailed(logger, function.Name, message.DequeueCount, error.GetType().Name, error.Message);
            await HandleFailureAsync(queue, poison, message);
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the message becomes visible again by itself, as when the host drains.
        }
    }

    private async Task HandleFailureAsync(QueueClient queue, QueueClient poison, QueueMessage message)
    {
        try
        {
            if (message.DequeueCount >= settings.MaxDequeueCount)
            {
                await poison.CreateIfNotExistsAsync();
                await poison.SendMessageAsync(message.Body);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                LogPoisoned(logger, function.QueueName, message.MessageId);
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: settings.VisibilityTimeout);
            }
        }
        catch (Exception ex)
        {
            // The message reappears when its run visibility lapses: nothing is lost.
            LogFailureHandlingFailed(logger, message.MessageId, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling queue {Queue} failed: {Error}")]
    private static partial void LogPollFailed(ILogger logger, string queue, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {Function} failed on try {DequeueCount}: {ErrorType}: {Error}")]
    private static partial void LogRunFailed(ILogger logger, string function, long dequeueCount, string errorType, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} moved from {Queue} to its poison queue")]
    private static partial void LogPoisoned(ILogger logger, string queue, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release or poison message {MessageId}: {Error}")]
    private static partial void LogFailureHandlingFailed(ILogger logger, string messageId, string error);
}
