using System.Text.Json;
using System.Text.Json.Nodes;
using Paradox.Sandbox.Contract;
using Paradox.Sandbox.Faults;
using Paradox.Sandbox.Recording;
using Paradox.Sandbox.Tokens;

namespace Paradox.Sandbox.Endpoints;

/// <summary>PUT /api/v1/public/interview/interview_alerts: checks the bearer token and the body, records, answers like Paradox.</summary>
public static class InterviewAlertsEndpoint
{
    public const string TrackingHeader = "X-Tracking-Id";

    public static async Task<IResult> HandleAsync(HttpContext context, TokenIssuer tokens, FaultPlan faults, RequestLog log, InFlightCounter inFlight, TimeProvider time)
    {
        using var counted = inFlight.Enter();
        var aborted = context.RequestAborted;
        var token = BearerToken(context.Request);
        if (!tokens.IsValid(token))
        {
            return Results.Json(new { errors = new[] { new { code = 1016, message = "Invalid or expired token.", field = "" } } },
                statusCode: StatusCodes.Status401Unauthorized);
        }

        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(aborted);
        var trackingId = context.Request.Headers[TrackingHeader].FirstOrDefault();

        if (faults.StandingDelayMilliseconds > 0) await Task.Delay(faults.StandingDelayMilliseconds, aborted);
        var fault = faults.Take(FaultTarget.InterviewAlerts);
        if (fault is not null)
        {
            // A delay the caller gives up on never reaches processing: nothing is recorded.
            if (fault.DelayMilliseconds > 0) await Task.Delay(fault.DelayMilliseconds, aborted);
            if (fault.ProcessBeforeFault) log.Add(time.GetUtcNow(), trackingId, token, text, StatusCodes.Status200OK);
            if (fault.BusinessError is string message)
            {
                log.Add(time.GetUtcNow(), trackingId, token, text, StatusCodes.Status200OK);
                return Results.Json(new { success = 0, error = message });
            }

            if (fault.Status is int status) return FaultAnswer.For(status, fault.RetryAfterSeconds, context);
        }

        JsonObject? body;
        try
        {
            body = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null)
        {
            log.Add(time.GetUtcNow(), trackingId, token, text, StatusCodes.Status400BadRequest);
            return Results.Json(new { errors = new[] { new { code = 1000, message = "Body must be a JSON object.", field = "" } } },
                statusCode: StatusCodes.Status400BadRequest);
        }

        var errors = ParadoxContract.Check(body);
        if (errors.Count > 0)
        {
            log.Add(time.GetUtcNow(), trackingId, token, text, StatusCodes.Status400BadRequest);
            return Results.Json(new { errors = errors.Select(e => new { code = e.Code, message = e.Message, field = e.Field }) },
                statusCode: StatusCodes.Status400BadRequest);
        }

        var recorded = log.Add(time.GetUtcNow(), trackingId, token, text, StatusCodes.Status200OK);
        return Results.Json(new
        {
            success = 1,
            interview_data = new { action = body["action"]?.GetValue<string>() ?? "interview" },
            recruiter_text = "Interview request received.",
            processed = 1,
            company_id = 123,
            // A dictionary keeps the key "OID" as Paradox spells it (the web JSON defaults would camel-case a property to "oid").
            candidate = new Dictionary<string, long> { ["OID"] = 100000 + recorded.Sequence },
        });
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.FirstOrDefault();
        const string prefix = "Bearer ";
        return header is not null && header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? header[prefix.Length..].Trim() : null;
    }
}
