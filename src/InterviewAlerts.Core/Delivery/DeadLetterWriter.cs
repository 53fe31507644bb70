using InterviewAlerts.Core.Storage;
using InterviewAlerts.Core.Tracking;
using Microsoft.Extensions.Logging;

namespace InterviewAlerts.Core.Delivery;

/// <summary>
/// Writes dead letters. A request's dead letter is written only after its terminal state is recorded, and the record
/// then notes it (<see cref="RequestRecord.DeadLetteredAt"/>), so a copy of the message that finds the request
/// terminal without that note writes the dead letter instead of sending the request again.
/// </summary>
public sealed partial class DeadLetterWriter(
    IDeadLetterStore deadLetters,
    IRequestRecordStore records,
    TimeProvider time,
    ILogger<DeadLetterWriter> logger)
{
    /// <summary>
    /// Dead-letters a request whose record already holds its terminal state; <paramref name="reason"/> is the whole reason
    /// (the record may hold it shortened), the record's <see cref="RequestRecord.DeadLetterReason"/> its code. Returns the record as noted.
    /// </summary>
    public async Task<RequestRecord> WriteAsync(DeliveryMessage message, RequestRecord terminal, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await deadLetters.WriteAsync(message.Caller, new DeadLetter
        {
            TrackingId = message.TrackingId,
            State = terminal.State,
            Reason = reason,
            ReasonCode = DeadLetterReasons.Of(terminal),
            DeadLetteredAt = now,
            Message = WithFinalAttempt(message, terminal),
        }, cancellationToken).ConfigureAwait(false);

        var noted = terminal with { DeadLetteredAt = now, LeaseUntil = null, UpdatedAt = now };
        await records.UpsertAsync(noted, cancellationToken).ConfigureAwait(false);
        LogDeadLettered(logger, message.TrackingId, terminal.State);
        return noted;
    }

    /// <summary>A message that cannot be read as a request: kept as is for a person to inspect.</summary>
    public async Task WriteUnreadableAsync(string rawMessage, string problem, CancellationToken cancellationToken)
    {
        await deadLetters.WriteUnreadableAsync(new DeadLetter
        {
            TrackingId = "unknown",
            State = RequestState.Poisoned,
            Reason = problem,
            ReasonCode = DeadLetterReasons.UnreadableMessage,
            DeadLetteredAt = time.GetUtcNow(),
            RawMessage = rawMessage,
        }, cancellationToken).ConfigureAwait(false);
        LogUnreadable(logger, problem);
    }

    /// <summary>A copy finishing another attempt's dead letter lacks that attempt in its history: add it from the record.</summary>
    private static DeliveryMessage WithFinalAttempt(DeliveryMessage message, RequestRecord terminal) =>
        terminal.Attempts > 0 && (message.History.Count == 0 || message.History[^1].Number < terminal.Attempts) && terminal.LastError is { } error
            ? message with { History = [.. message.History, new DeliveryAttempt(terminal.Attempts, terminal.UpdatedAt, terminal.State.ToString(), terminal.LastHttpStatus, error)] }
            : message;

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "Interview alert {TrackingId} dead-lettered: {Reason}")]
    private static partial void LogDeadLettered(ILogger logger, string trackingId, RequestState reason);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Error, Message = "Unreadable delivery message dead-lettered: {Problem}")]
    private static partial void LogUnreadable(ILogger logger, string problem);
}
