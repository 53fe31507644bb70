using Microsoft.Extensions.Options;
using Paradox.Sandbox.Faults;
using Paradox.Sandbox.Tokens;

namespace Paradox.Sandbox.Endpoints;

/// <summary>POST /api/v1/public/auth/token: client credentials, form-encoded, as Paradox documents it.</summary>
public static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(HttpRequest request, TokenIssuer tokens, FaultPlan faults, SandboxAccount account, IOptions<SandboxOptions> options)
    {
        tokens.NoteRequest();
        var fault = faults.Take(FaultTarget.Token);
        if (fault is not null)
        {
            if (fault.DelayMilliseconds > 0) await Task.Delay(fault.DelayMilliseconds, request.HttpContext.RequestAborted);
            if (fault.Status is int status) return FaultAnswer.For(status, fault.RetryAfterSeconds, request.HttpContext);
        }

        if (!request.HasFormContentType) return InvalidRequest();
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var valid = form["grant_type"] == "client_credentials" && account.Accepts(form["client_id"], form["client_secret"]);
        if (!valid) return InvalidRequest();

        var lifetimeSeconds = options.Value.TokenLifetimeSeconds;
        return Results.Json(new
        {
            access_token = tokens.Issue(TimeSpan.FromSeconds(lifetimeSeconds)),
            expires_in = lifetimeSeconds,
            token_type = "bearer",
        });
    }

    private static IResult InvalidRequest() => Results.Json(
        new { errors = new[] { new { code = 1015, message = "Invalid request.", field = "" } } },
        statusCode: StatusCodes.Status400BadRequest);
}
