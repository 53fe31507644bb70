using System.Text.Json;
using InterviewAlerts.Core.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InterviewAlerts.Functions.Http;

/// <summary>RFC 9457 problem answers (application/problem+json) with the field errors listed.</summary>
public static class ProblemResults
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IActionResult Invalid(IReadOnlyList<FieldError> errors) =>
        Problem(StatusCodes.Status400BadRequest, "validation", "The interview request is invalid", errors);

    public static IActionResult UnsupportedMediaType(IReadOnlyList<FieldError> errors) =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "The content type is not supported", errors);

    public static IActionResult TooLarge(int limit) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "too-large", "The body is too large",
            [new FieldError("$", ErrorCodes.TooLarge, $"The body exceeds {limit / (1024 * 1024)} MiB.")]);

    public static IActionResult Unavailable() =>
        new ProblemContent(StatusCodes.Status503ServiceUnavailable, new
        {
            type = "urn:interview-alerts:problem:unavailable",
            title = "The request could not be queued; nothing was accepted. Retry shortly.",
            status = StatusCodes.Status503ServiceUnavailable,
        }, retryAfterSeconds: 5);

    public static IActionResult Problem(int status, string type, string title, IReadOnlyList<FieldError> errors) =>
        new ProblemContent(status, new
        {
            type = "urn:interview-alerts:problem:" + type,
            title,
            status,
            errors = errors.Select(e => new { field = e.Field, code = e.Code, message = e.Message }),
        });

    private sealed class ProblemContent(int status, object body, int? retryAfterSeconds = null) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.StatusCode = status;
            response.ContentType = "application/problem+json; charset=utf-8";
            if (retryAfterSeconds is int seconds) response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return response.WriteAsync(JsonSerializer.Serialize(body, Json));
        }
    }
}
