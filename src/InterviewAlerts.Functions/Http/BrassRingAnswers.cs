using InterviewAlerts.Core.BrassRing;
using InterviewAlerts.Core.Ingest;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InterviewAlerts.Functions.Http;

/// <summary>
/// BrassRing always gets its mirrored response envelope (HTTP 200 with the Status inside), except when
/// something could not be queued for lack of storage: then HTTP 503 with an envelope that says so, so the
/// export is not taken as a success. Each candidate packet gets its own Status (200 with its tracking id, or
/// 405 with its own problem); the transaction's Status is 200 only when every packet's is.
/// </summary>
public static class BrassRingAnswers
{
    public static IActionResult For(IngestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var envelope = result.Interpretation.Envelope;
        if (result.Packets.Count > 0 && envelope is not null) return PerPacket(envelope, result.Packets);

        return result.Status switch
        {
            IngestStatus.Accepted or IngestStatus.Duplicate => Envelope(envelope, BrassRingStatus.Accepted(result.TrackingId!)),
            IngestStatus.Unauthorized => Envelope(envelope, BrassRingStatus.Unauthorized()),
            IngestStatus.Unavailable => Envelope(envelope, BrassRingStatus.Unavailable(), StatusCodes.Status503ServiceUnavailable),
            _ => Envelope(envelope, BrassRingStatus.DataProblem(result.Interpretation.ProblemDescription ?? "The request could not be read.")),
        };
    }

    public static IActionResult TooLarge() => Envelope(null, BrassRingStatus.DataProblem(
        $"The body is larger than {BrassRingEnvelopeReader.MaxBodyBytes / 1024} KB; BrassRing exports are normally a few KB. Check the export's configured fields."));

    public static IActionResult Envelope(BrassRingEnvelope? request, BrassRingStatus status, int httpStatus = StatusCodes.Status200OK) =>
        new FileContentResult(BrassRingResponseWriter.Write(request, status), BrassRingResponseWriter.ContentType) { FileDownloadName = null }
            .WithStatus(httpStatus);

    private static IActionResult PerPacket(BrassRingEnvelope envelope, IReadOnlyList<PacketResult> packets)
    {
        var statuses = packets.ToDictionary<PacketResult, BrassRingPacket, BrassRingStatus>(packet => packet.Packet.Packet, packet => PacketStatus(envelope, packet), ReferenceEqualityComparer.Instance);
        var transaction = BrassRingTransactionStatus.Of([.. packets.Select(packet => (packet.Packet.Packet.PacketId, statuses[packet.Packet.Packet]))]);
        // Requisition packets are no requests of their own: they share the transaction's outcome.
        var body = BrassRingResponseWriter.Write(envelope, transaction,
            packet => statuses.TryGetValue(packet, out var status) ? status : transaction);
        var httpStatus = transaction.Code == StatusCodes.Status503ServiceUnavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        return new FileContentResult(body, BrassRingResponseWriter.ContentType) { FileDownloadName = null }.WithStatus(httpStatus);
    }

    private static BrassRingStatus PacketStatus(BrassRingEnvelope envelope, PacketResult packet) => packet.Status switch
    {
        IngestStatus.Accepted or IngestStatus.Duplicate => BrassRingStatus.Accepted(packet.TrackingId!),
        IngestStatus.Conflict => BrassRingStatus.ReusedWithOtherData(envelope, packet.Packet.Packet, packet.TrackingId!),
        IngestStatus.Unavailable => BrassRingStatus.Unavailable(),
        _ => BrassRingStatus.DataProblem(packet.Packet.ProblemDescription ?? "The packet could not be read."),
    };

    private static IActionResult WithStatus(this FileContentResult content, int status) =>
        status == StatusCodes.Status200OK ? content : new StatusContent(content, status);

    private sealed class StatusContent(FileContentResult inner, int status) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.StatusCode = status;
            response.ContentType = inner.ContentType;
            response.Headers.RetryAfter = "60";
            await response.Body.WriteAsync(inner.FileContents);
        }
    }
}
