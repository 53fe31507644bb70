using System.Diagnostics;
using InterviewAlerts.Core.Ingest;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InterviewAlerts.Functions.Http;

/// <summary>Translates webhook HTTP calls to ingest and ingest results back to HTTP, for each caller's shape.</summary>
public sealed class WebhookResponder(IngestService ingest, RequestInterpreter interpreter)
{
    public async Task<IActionResult> IngestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await BodyReader.ReadAsync(request, BodyReader.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null) return ProblemResults.TooLarge(BodyReader.MaxBodyBytes);

        var call = new IngestCall(request.ContentType, body.Value, request.Headers["Idempotency-Key"].FirstOrDefault(), Activity.Current?.Id);
        var result = await ingest.AcceptAsync(call, cancellationToken).ConfigureAwait(false);
        return result.Status switch
        {
            IngestStatus.Accepted or IngestStatus.Duplicate => Accepted(result),
            IngestStatus.Unavailable => ProblemResults.Unavailable(),
            _ => Rejected(result.Interpretation),
        };
    }

    /// <summary>The dry run: the exact Paradox request, or every problem; nothing is queued.</summary>
    public async Task<IActionResult> ValidateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await BodyReader.ReadAsync(request, BodyReader.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null) return ProblemResults.TooLarge(BodyReader.MaxBodyBytes);

        var interpretation = interpreter.Interpret(request.ContentType, body.Value);
        if (!interpretation.IsValid) return Rejected(interpretation);
        return new OkObjectResult(new
        {
            valid = true,
            shape = interpretation.Shape.ToString(),
            paradoxRequest = interpretation.Request!.ToParadoxJson(),
        });
    }

    private static IActionResult Accepted(IngestResult result) => new ObjectResult(new
    {
        id = result.TrackingId,
        status = "queued",
        duplicate = result.Status == IngestStatus.Duplicate,
    })
    {
        StatusCode = StatusCodes.Status202Accepted,
    };

    private static IActionResult Rejected(Interpretation interpretation) =>
        interpretation.UnsupportedMediaType
            ? ProblemResults.UnsupportedMediaType(interpretation.Errors)
            : ProblemResults.Invalid(interpretation.Errors);
}
