using InterviewAlerts.Core.BrassRing;
using InterviewAlerts.Core.Ingest;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InterviewAlerts.Functions.Http;

/// <summary>
/// BrassRing always gets its mirrored response envelope (HTTP 200 with the Status inside), except when
/// nothing could be queued: then HTTP 503 with an envelope that says so, so the export is not taken as a success.
/// </summary>
public static class BrassRingAnswers
{
    public static IActionResult For(IngestResult result) => result.Status switch
    {
        IngestStatus.Accepted or IngestStatus.Duplicate => Envelope(result.Interpretation.Envelope, BrassRingStatus.Accepted(result.TrackingId!)),
        IngestStatus.Unauthorized => Envelope(result.Interpretation.Envelope, BrassRingStatus.Unauthorized()),
        IngestStatus.Unavailable => Envelope(result.Interpretation.Envelope, new BrassRingStatus(503, "Temporarily unavailable",
            "The interview request was NOT queued because storage is unavailable. Please retry the export in a few minutes (undo and redo the HR status)."),
            StatusCodes.Status503ServiceUnavailable),
        _ => Envelope(result.Interpretation.Envelope, BrassRingStatus.DataProblem(
            result.Interpretation.ProblemDescription ?? "The request could not be read.")),
    };

    public static IActionResult TooLarge() => Envelope(null, BrassRingStatus.DataProblem(
        $"The body is larger than {BrassRingEnvelopeReader.MaxBodyBytes / 1024} KB; BrassRing exports are normally a few KB. Check the export's configured fields."));

    public static IActionResult Envelope(BrassRingEnvelope? request, BrassRingStatus status, int httpStatus = StatusCodes.Status200OK) =>
        new FileContentResult(BrassRingResponseWriter.Write(request, status), BrassRingResponseWriter.ContentType) { FileDownloadName = null }
            .WithStatus(httpStatus);

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
