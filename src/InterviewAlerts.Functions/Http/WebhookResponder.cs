using System.Diagnostics;
using InterviewAlerts.Core.Callers;
using InterviewAlerts.Core.Ingest;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace InterviewAlerts.Functions.Http;

/// <summary>Translates webhook HTTP calls to ingest and ingest results back to HTTP, in each caller's own terms.</summary>
public sealed partial class WebhookResponder(
    IngestService ingest,
    RequestInterpreter interpreter,
    CallerAuthenticator callers,
    ILogger<WebhookResponder> logger)
{
    public async Task<IActionResult> IngestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await BodyReader.ReadAsync(request, BodyReader.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null) return LooksLikeBrassRing(request.ContentType) ? BrassRingAnswers.TooLarge() : ProblemResults.TooLarge(BodyReader.MaxBodyBytes);

        var interpretation = interpreter.Interpret(request.ContentType, body.Value);
        var caller = await callers.AuthenticateAsync(interpretation.Shape, request.Headers.Authorization.FirstOrDefault(), cancellationToken)
            .ConfigureAwait(false);
        IngestResult result;
        if (caller is null)
        {
            LogUnauthorized(logger, interpretation.Shape);
            result = new IngestResult(IngestStatus.Unauthorized, interpretation);
        }
        else
        {
            var call = new IngestCall(caller, interpretation, request.Headers[NativeAnswers.IdempotencyKeyHeader].FirstOrDefault(), Activity.Current?.Id);
            result = await ingest.AcceptAsync(call, cancellationToken).ConfigureAwait(false);
        }

        if (result.Interpretation.Shape == RequestShape.BrassRing) return BrassRingAnswers.For(result);

        return result.Status switch
        {
            IngestStatus.Accepted or IngestStatus.Duplicate => NativeAnswers.Accepted(result),
            IngestStatus.Conflict => NativeAnswers.Conflict(result),
            IngestStatus.Unavailable => ProblemResults.Unavailable(),
            _ => Rejected(result.Interpretation),
        };
    }

    /// <summary>The dry run: the exact Paradox request, or every problem (in the client's terms for BrassRing); nothing is queued.</summary>
    public async Task<IActionResult> ValidateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await BodyReader.ReadAsync(request, BodyReader.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null) return ProblemResults.TooLarge(BodyReader.MaxBodyBytes);

        var interpretation = interpreter.Interpret(request.ContentType, body.Value);
        if (interpretation.UnsupportedMediaType) return Rejected(interpretation);
        return new ObjectResult(new
        {
            valid = interpretation.IsValid,
            shape = interpretation.Shape.ToString(),
            manifest = interpretation.Mapping?.Manifest,
            mapping = interpretation.Mapping?.SourceFields,
            ignoredFields = interpretation.Mapping?.IgnoredFields,
            paradoxRequest = interpretation.Request?.ToParadoxJson(),
            errors = interpretation.Errors.Select(e => new { field = e.Field, code = e.Code, message = e.Message }),
            longDescription = interpretation.ProblemDescription,
            packets = ValidationAnswers.Packets(interpretation),
        })
        {
            StatusCode = interpretation.IsValid ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest,
        };
    }

    private static bool LooksLikeBrassRing(string? contentType) =>
        MediaTypes.Essence(contentType) is "text/xml" or "application/xml" or "application/x-www-form-urlencoded";

    private static IActionResult Rejected(Interpretation interpretation) =>
        interpretation.UnsupportedMediaType
            ? ProblemResults.UnsupportedMediaType(interpretation.Errors)
            : ProblemResults.Invalid(interpretation.Errors);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "{Shape} call refused: credentials missing or not accepted")]
    private static partial void LogUnauthorized(ILogger logger, RequestShape shape);
}
