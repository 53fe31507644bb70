using InterviewAlerts.Core.Ingest;
using Microsoft.Extensions.Logging;

namespace InterviewAlerts.Functions.Http;

/// <summary>
/// One log line per webhook call refused for its content: who sent it, in which shape, for which manifest, and why —
/// as stable error codes, never the values. (Refused credentials are logged where they are checked.)
/// </summary>
public static partial class RefusalLog
{
    /// <summary>Logs the refusals in an ingest result: a JSON request that was invalid or reused a key, or the envelope's refused packets.</summary>
    public static void Result(ILogger logger, IngestResult result, string caller)
    {
        ArgumentNullException.ThrowIfNull(result);
        var interpretation = result.Interpretation;
        if (result.Packets.Count > 0)
        {
            var refused = result.Packets.Where(packet => packet.Status is IngestStatus.Invalid or IngestStatus.Conflict).ToList();
            if (refused.Count == 0) return;
            Refused(logger, refused.Count == result.Packets.Count ? "every candidate packet refused" : $"{refused.Count} of {result.Packets.Count} candidate packets refused",
                interpretation.Shape, caller, Transaction(interpretation), Join(refused.Select(packet => packet.Packet.Mapping.Manifest)),
                Join(refused.SelectMany(packet => packet.Status == IngestStatus.Conflict ? ["idempotency_key_reused"] : packet.Packet.Errors.Select(error => error.Code))),
                Join(refused.Select(packet => packet.TrackingId)));
            return;
        }

        switch (result.Status)
        {
            case IngestStatus.Invalid:
                Content(logger, interpretation, caller, "invalid");
                break;
            case IngestStatus.Conflict:
                Refused(logger, "Idempotency-Key reused with another body", interpretation.Shape, caller, Transaction(interpretation), Join([interpretation.Mapping?.Manifest]),
                    "idempotency_key_reused", result.TrackingId ?? "-");
                break;
        }
    }

    /// <summary>Logs a call refused for what it sent before anything was queued (unreadable, wrong media type, not allowed).</summary>
    public static void Content(ILogger logger, Interpretation interpretation, string caller, string reason)
    {
        ArgumentNullException.ThrowIfNull(interpretation);
        Refused(logger, reason, interpretation.Shape, caller, Transaction(interpretation), Join([interpretation.Mapping?.Manifest]),
            Join(interpretation.Errors.Select(error => error.Code)), "-");
    }

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning,
        Message = "Interview alert refused ({Reason}): shape {Shape}, caller {Caller}, transaction {TransactId}, manifest {Manifest}, codes {Codes}, tracking id {TrackingId}")]
    public static partial void Refused(ILogger logger, string reason, RequestShape shape, string caller, string transactId, string manifest, string codes, string trackingId);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Warning, Message = "Interview alert refused ({Reason}): {Bytes} bytes or more, content type {ContentType}")]
    public static partial void TooLarge(ILogger logger, string reason, long bytes, string contentType);

    /// <summary>BrassRing's TransactId (an export's own reference, not candidate data), so operators can find a refused export.</summary>
    private static string Transaction(Interpretation interpretation) =>
        interpretation.Envelope?.TransactId is { Length: > 0 } id ? (id.Length <= 64 ? id : id[..64] + "…") : "-";

    private static string Join(IEnumerable<string?> values)
    {
        var distinct = values.Where(value => !string.IsNullOrEmpty(value)).Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count == 0 ? "-" : string.Join(",", distinct);
    }
}
