using System.Text.Json.Serialization;
using Paradox.Sandbox.Endpoints;
using Paradox.Sandbox.Faults;
using Paradox.Sandbox.Recording;
using Paradox.Sandbox.Tokens;

namespace Paradox.Sandbox;

/// <summary>Builds the sandbox web app; tests host it in-process on a loopback port.</summary>
public static class SandboxApp
{
    public const string TokenPath = "/api/v1/public/auth/token";
    public const string InterviewAlertsPath = "/api/v1/public/interview/interview_alerts";

    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Services.Configure<SandboxOptions>(builder.Configuration.GetSection("Sandbox"));
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddSingleton<SandboxAccount>();
        builder.Services.AddSingleton<FaultPlan>();
        builder.Services.AddSingleton<RequestLog>();
        builder.Services.AddSingleton<InFlightCounter>();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapPost(TokenPath, TokenEndpoint.HandleAsync);
        app.MapPut(InterviewAlertsPath, InterviewAlertsEndpoint.HandleAsync);
        ControlEndpoints.Map(app);
        app.MapGet("/", () => Results.Text("Paradox sandbox. GET /sandbox/requests lists what arrived."));
        return app;
    }
}
