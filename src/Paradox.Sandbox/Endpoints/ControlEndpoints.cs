using Paradox.Sandbox.Faults;
using Paradox.Sandbox.Recording;
using Paradox.Sandbox.Tokens;

namespace Paradox.Sandbox.Endpoints;

/// <summary>The sandbox's own control surface under /sandbox: inspect what arrived, inject faults, expire tokens, rotate the account's secret.</summary>
public static class ControlEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var control = app.MapGroup("/sandbox");
        control.MapGet("/requests", (RequestLog log) => Results.Json(log.All()));
        control.MapDelete("/requests", (RequestLog log) => { log.Clear(); return Results.NoContent(); });
        control.MapGet("/stats", (RequestLog log, TokenIssuer tokens, InFlightCounter inFlight) => Results.Json(new
        {
            alertsInFlightPeak = inFlight.Peak,
            tokensIssued = tokens.IssuedCount,
            tokenRequests = tokens.Requests.Count,
            alertsReceived = log.All().Count,
        }));
        control.MapPost("/faults", (FaultRule rule, FaultPlan faults) => { faults.Add(rule); return Results.NoContent(); });
        control.MapDelete("/faults", (FaultPlan faults) => { faults.Clear(); return Results.NoContent(); });
        control.MapPut("/latency/{milliseconds:int}", (int milliseconds, FaultPlan faults) =>
        {
            faults.StandingDelayMilliseconds = milliseconds;
            return Results.NoContent();
        });
        control.MapPost("/tokens/expire", (TokenIssuer tokens) => { tokens.ExpireAll(); return Results.NoContent(); });
        control.MapPut("/account", (SandboxCredentials credentials, SandboxAccount account) =>
        {
            // Rotating the secret: token requests with the old pair get 400 from now on; issued tokens stay valid.
            if (string.IsNullOrWhiteSpace(credentials.AccountId) || string.IsNullOrWhiteSpace(credentials.Secret))
                return Results.BadRequest(new { error = "accountId and secret are required." });
            account.Change(credentials);
            return Results.NoContent();
        });
    }
}
