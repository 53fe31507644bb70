using InterviewAlerts.Core.BrassRing;
using InterviewAlerts.Core.Ingest;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InterviewAlerts.Functions.Http;

/// <summary>
/// BrassRing always gets its mirrored response envelope (HTTP 200 with the Status inside), except when it was
/// not accepted for a reason outside the data: a refused login (HTTP 401), a client id the user may not send for
/// (403), too many failed logins (429) or something could not be queued (503), so the export is not taken as a
/// success. Each candidate packet gets its own Status (200 with its tracking id, or 405 with its own problem); the
/// transaction's Status is 200 only when every packet's is.
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
            IngestStatus.Unauthorized => Unauthorized(envelope),
            IngestStatus.Unavailable => Envelope(envelope, BrassRingStatus.Unavailable(), StatusCodes.Status503ServiceUnavailable),
            _ => Envelope(envelope, BrassRingStatus.DataProblem(result.Interpretation.ProblemDescription ?? "The request could not be read.")),
        };
    }

    public static IActionResult TooLarge() => Envelope(null, BrassRingStatus.DataProblem(
        $"The body is larger than {BrassRingEnvelopeReader.MaxBodyBytes / 1024} KB; BrassRing exports are normally a few KB. Check the export's configured fields."));

    /// <summary>The login was refused: Status 401 in the envelope, HTTP 401 with a Basic challenge.</summary>
    public static IActionResult Unauthorized(BrassRingEnvelope? request) =>
        new EnvelopeContent(BrassRingResponseWriter.Write(request, BrassRingStatus.Unauthorized()), StatusCodes.Status401Unauthorized,
            wwwAuthenticate: "Basic realm=\"interview-alerts\"");

    /// <summary>The user logged in but may not send this (another client id, or not a BrassRing user): Status 401, HTTP 403.</summary>
    public static IActionResult Forbidden(BrassRingEnvelope? request, string reason) =>
        new EnvelopeContent(BrassRingResponseWriter.Write(request, new BrassRingStatus(401, "Not allowed for this user", reason)), StatusCodes.Status403Forbidden);

    /// <summary>Too many failed logins for this user: Status 401, HTTP 429 with Retry-After.</summary>
    public static IActionResult TooManyAttempts(BrassRingEnvelope? request, TimeSpan retryAfter) =>
        new EnvelopeContent(BrassRingResponseWriter.Write(request, new BrassRingStatus(401, "Too many failed logins",
            "Too many failed logins for this username; nothing was queued. Check the password in BrassRing Workbench, then retry the export in a few minutes.")),
            StatusCodes.Status429TooManyRequests, retryAfter);

    /// <summary>The credentials could not be checked (the secret store failed): HTTP 503 with Retry-After; nothing was queued.</summary>
    public static IActionResult CredentialsUnavailable(BrassRingEnvelope? request, TimeSpan retryAfter) =>
        new EnvelopeContent(BrassRingResponseWriter.Write(request, new BrassRingStatus(503, "Temporarily unavailable",
            "The interview request was NOT queued because the login could not be checked right now. Please retry the export in a few minutes (undo and redo the HR status).")),
            StatusCodes.Status503ServiceUnavailable, retryAfter);

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
        status == StatusCodes.Status200OK ? content : new EnvelopeContent(content.FileContents, status, TimeSpan.FromSeconds(60));

    private sealed class EnvelopeContent(byte[] content, int status, TimeSpan? retryAfter = null, string? wwwAuthenticate = null) : IActionResult
    {
        public async Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.StatusCode = status;
            response.ContentType = BrassRingResponseWriter.ContentType;
            if (retryAfter is { } after)
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (wwwAuthenticate is not null) response.Headers.WWWAuthenticate = wwwAuthenticate;
            await response.Body.WriteAsync(content);
        }
    }
}
