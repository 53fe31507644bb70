using System.Diagnostics;
using System.Text.Json.Nodes;
using InterviewAlerts.Core.BrassRing;
using InterviewAlerts.Core.Callers;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Observability;
using InterviewAlerts.Core.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace InterviewAlerts.Functions.Http;

/// <summary>
/// Translates webhook HTTP calls to ingest and ingest results back to HTTP, in each caller's own terms.
/// Every call is authenticated as a configured caller before its content is judged or queued.
/// </summary>
public sealed class WebhookResponder(
    IngestService ingest,
    RequestInterpreter interpreter,
    CallerAuthenticator callers,
    AdapterMetrics metrics,
    ILogger<WebhookResponder> logger)
{
    public async Task<IActionResult> IngestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await BodyReader.ReadAsync(request, BodyReader.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            RefusalLog.TooLarge(logger, "too_large", request.ContentLength ?? BodyReader.MaxBodyBytes + 1L, request.ContentType ?? "-");
            metrics.RequestRejected(null, AdapterMetrics.Unknown, null, ErrorCodes.TooLarge);
            return MediaTypes.IsBrassRingOnly(request.ContentType) ? BrassRingAnswers.TooLarge() : ProblemResults.TooLarge(BodyReader.MaxBodyBytes);
        }

        // A body that cannot be read at all is refused before authentication: the answer reveals nothing and queues nothing.
        var interpretation = interpreter.Interpret(request.ContentType, body.Value);
        if (interpretation.UnsupportedMediaType)
        {
            RefusalLog.Content(logger, interpretation, "-", "unsupported_media_type");
            metrics.CallRefused(interpretation, AdapterMetrics.Unknown, ErrorCodes.UnsupportedMediaType);
            return ProblemResults.UnsupportedMediaType(interpretation.Errors);
        }

        var authentication = await callers.AuthenticateAsync(RequestCredentials.Of(request), body.Value, interpretation.Shape, cancellationToken)
            .ConfigureAwait(false);
        var brassRing = interpretation.Shape == RequestShape.BrassRing;
        if (authentication.Caller is not { } caller)
        {
            return brassRing ? BrassRingRefusal(authentication, interpretation.Envelope) : Refusal(authentication);
        }

        if (NotAllowed(caller, interpretation) is { } reason)
        {
            RefusalLog.Content(logger, interpretation, caller.Name, "not_allowed");
            metrics.CallRefused(interpretation, caller.Name, ErrorCodes.NotAllowed);
            return brassRing ? BrassRingAnswers.Forbidden(interpretation.Envelope, reason) : ProblemResults.Forbidden(reason);
        }

        var call = new IngestCall(caller, interpretation, request.Headers[NativeAnswers.IdempotencyKeyHeader].FirstOrDefault(), Activity.Current?.Id);
        var result = await ingest.AcceptAsync(call, cancellationToken).ConfigureAwait(false);
        RefusalLog.Result(logger, result, caller.Name);
        metrics.IngestAnswered(result, caller.Name);
        if (brassRing) return BrassRingAnswers.For(result);

        return result.Status switch
        {
            IngestStatus.Accepted or IngestStatus.Duplicate => NativeAnswers.Accepted(result),
            IngestStatus.Conflict => NativeAnswers.Conflict(result),
            IngestStatus.Unavailable => ProblemResults.Unavailable(),
            _ => ProblemResults.Invalid(result.Interpretation.Errors),
        };
    }

    /// <summary>
    /// The dry run, authenticated exactly like ingest: the exact Paradox request, or every problem (in the client's
    /// terms for BrassRing). Nothing is queued; neither the body nor the mapping configuration is echoed.
    /// </summary>
    public async Task<IActionResult> ValidateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await BodyReader.ReadAsync(request, BodyReader.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null) return ProblemResults.TooLarge(BodyReader.MaxBodyBytes);

        var interpretation = interpreter.Interpret(request.ContentType, body.Value);
        if (interpretation.UnsupportedMediaType) return ProblemResults.UnsupportedMediaType(interpretation.Errors);

        var authentication = await callers.AuthenticateAsync(RequestCredentials.Of(request), body.Value, interpretation.Shape, cancellationToken)
            .ConfigureAwait(false);
        if (authentication.Caller is not { } caller) return Refusal(authentication);
        if (NotAllowed(caller, interpretation) is { } reason) return ProblemResults.Forbidden(reason);

        return new ObjectResult(new
        {
            valid = interpretation.IsValid,
            shape = interpretation.Shape.ToString(),
            paradoxRequest = interpretation.Request is { } paradox ? JsonNode.Parse(paradox.ToParadoxUtf8()) : null,
            errors = interpretation.Errors.Select(e => new { field = e.Field, code = e.Code, message = e.Message }),
            longDescription = interpretation.ProblemDescription,
            packets = ValidationAnswers.Packets(interpretation),
        })
        {
            StatusCode = interpretation.IsValid ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest,
        };
    }

    /// <summary>The answer to a JSON caller (and to every reader) that was not authenticated.</summary>
    internal static IActionResult Refusal(CallerAuthentication authentication) => authentication.Outcome switch
    {
        CallerAuthenticationOutcome.Throttled => ProblemResults.TooManyAttempts(authentication.Problem!, authentication.RetryAfter!.Value),
        CallerAuthenticationOutcome.Unavailable => ProblemResults.Unavailable(authentication.RetryAfter),
        _ => ProblemResults.Unauthorized(authentication.Problem ?? "The credentials were not accepted."),
    };

    private static IActionResult BrassRingRefusal(CallerAuthentication authentication, BrassRingEnvelope? envelope) => authentication.Outcome switch
    {
        CallerAuthenticationOutcome.Throttled => BrassRingAnswers.TooManyAttempts(envelope, authentication.RetryAfter!.Value),
        CallerAuthenticationOutcome.Unavailable => BrassRingAnswers.CredentialsUnavailable(envelope, authentication.RetryAfter!.Value),
        _ => BrassRingAnswers.Unauthorized(envelope),
    };

    /// <summary>Why this caller may not send this body, or null when it may.</summary>
    private static string? NotAllowed(Caller caller, Interpretation interpretation)
    {
        if (!caller.MaySend(interpretation.Shape))
        {
            return interpretation.Shape == RequestShape.BrassRing
                ? $"Caller {caller.Name} is not configured to send BrassRing exports."
                : $"Caller {caller.Name} is not configured to send native JSON requests.";
        }

        // A malformed envelope is never queued; its answer names only what is wrong with the caller's own body.
        if (interpretation.Shape == RequestShape.BrassRing && interpretation.MalformedReason is null
            && interpretation.Envelope is { } envelope && !caller.MaySendFor(envelope.SenderCredential))
        {
            return $"Client id \"{Shorten(envelope.SenderCredential)}\" (Sender/Credential) is not allowed for user {caller.Name}; ask the integration team to add it.";
        }

        return null;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

}
