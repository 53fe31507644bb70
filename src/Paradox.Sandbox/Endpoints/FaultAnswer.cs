namespace Paradox.Sandbox.Endpoints;

/// <summary>The answer for an injected HTTP fault, with Retry-After when asked for.</summary>
internal static class FaultAnswer
{
    public static IResult For(int status, int? retryAfterSeconds, HttpContext context)
    {
        if (retryAfterSeconds is int seconds) context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Json(new { errors = new[] { new { code = status, message = $"Injected fault {status}.", field = "" } } }, statusCode: status);
    }
}
