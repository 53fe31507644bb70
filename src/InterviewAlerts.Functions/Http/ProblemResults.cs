using System.Globalization;
using System.Text.Json;
using InterviewAlerts.Core.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InterviewAlerts.Functions.Http;

/// <summary>
/// RFC 9457 problem answers (application/problem+json) with the field errors listed, on ASP.NET Core's
/// <see cref="ProblemDetails"/> model. Written here rather than by <c>IProblemDetailsService</c> because answers also carry
/// Retry-After or WWW-Authenticate and keep their text unescaped (quotes and angle brackets as received).
/// </summary>
public static class ProblemResults
{
    /// <summary>The challenges a JSON caller may answer: its secret as Basic or Bearer (signatures need no challenge).</summary>
    public const string Challenge = "Basic realm=\"interview-alerts\", Bearer realm=\"interview-alerts\"";

    private const string TypePrefix = "urn:interview-alerts:problem:";

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

    /// <summary>No or unaccepted credentials: 401 with the challenge.</summary>
    public static IActionResult Unauthorized(string problem) =>
        new ProblemContent(StatusCodes.Status401Unauthorized, Body(StatusCodes.Status401Unauthorized, "unauthorized", "Authentication failed",
            [new FieldError("Authorization", "unauthorized", problem)]), wwwAuthenticate: Challenge);

    /// <summary>An authenticated caller asking for something it may not do.</summary>
    public static IActionResult Forbidden(string problem) =>
        Problem(StatusCodes.Status403Forbidden, "forbidden", "Not allowed for this caller", [new FieldError("Authorization", "forbidden", problem)]);

    /// <summary>Too many failed authentications for one caller name.</summary>
    public static IActionResult TooManyAttempts(string problem, TimeSpan retryAfter) =>
        new ProblemContent(StatusCodes.Status429TooManyRequests, Body(StatusCodes.Status429TooManyRequests, "too-many-attempts", "Too many failed attempts",
            [new FieldError("Authorization", "too_many_attempts", problem)]), Seconds(retryAfter));

    /// <summary>Our own dependency failed (storage, the secret store): nothing was accepted, retry.</summary>
    public static IActionResult Unavailable(TimeSpan? retryAfter = null) =>
        new ProblemContent(StatusCodes.Status503ServiceUnavailable, new ProblemDetails
        {
            Type = TypePrefix + "unavailable",
            Title = "The request could not be queued; nothing was accepted. Retry shortly.",
            Status = StatusCodes.Status503ServiceUnavailable,
        }, Seconds(retryAfter ?? TimeSpan.FromSeconds(5)));

    public static IActionResult Problem(int status, string type, string title, IReadOnlyList<FieldError> errors) =>
        new ProblemContent(status, Body(status, type, title, errors));

    private static ProblemDetails Body(int status, string type, string title, IReadOnlyList<FieldError> errors) => new()
    {
        Type = TypePrefix + type,
        Title = title,
        Status = status,
        Extensions = { ["errors"] = errors.Select(e => new ProblemError(e.Field, e.Code, e.Message)).ToArray() },
    };

    private static int Seconds(TimeSpan span) => Math.Max(1, (int)Math.Ceiling(span.TotalSeconds));

    private sealed record ProblemError(string Field, string Code, string Message);

    private sealed class ProblemContent(int status, ProblemDetails body, int? retryAfterSeconds = null, string? wwwAuthenticate = null) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.StatusCode = status;
            response.ContentType = "application/problem+json; charset=utf-8";
            if (retryAfterSeconds is int seconds) response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            if (wwwAuthenticate is not null) response.Headers.WWWAuthenticate = wwwAuthenticate;
            return response.WriteAsync(JsonSerializer.Serialize(body, Json));
        }
    }
}
