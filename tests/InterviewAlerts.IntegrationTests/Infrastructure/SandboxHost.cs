using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Paradox.Sandbox;
using Paradox.Sandbox.Faults;
using Paradox.Sandbox.Recording;
using Paradox.Sandbox.Tokens;

namespace InterviewAlerts.IntegrationTests.Infrastructure;

/// <summary>One request the sandbox finished handling, whatever became of it (faults and aborted requests included).</summary>
public sealed record SandboxArrival(string Method, string Path, int Status, bool Aborted, string? Authorization);

/// <summary>
/// The Paradox sandbox alone, in-process on 127.0.0.1:0. Besides the sandbox's own request log (which holds only
/// processed interview alerts) it notes every request once the sandbox has finished with it, so tests can count
/// attempts, see injected faults and wait for an aborted request to end instead of sleeping.
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly ConcurrentQueue<SandboxArrival> _arrivals;

    private SandboxHost(WebApplication app, ConcurrentQueue<SandboxArrival> arrivals)
    {
        App = app;
        _arrivals = arrivals;
        Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
        Control = new HttpClient { BaseAddress = Url };
    }

    public WebApplication App { get; }
    public Uri Url { get; }

    /// <summary>For the sandbox's control endpoints (/sandbox/...).</summary>
    public HttpClient Control { get; }

    public RequestLog Log => App.Services.GetRequiredService<RequestLog>();
    public FaultPlan Faults => App.Services.GetRequiredService<FaultPlan>();
    public TokenIssuer Tokens => App.Services.GetRequiredService<TokenIssuer>();

    /// <summary>Starts a sandbox; settings are configuration arguments such as "--Sandbox:TokenLifetimeSeconds=120".</summary>
    public static async Task<SandboxHost> StartAsync(params string[] settings)
    {
        var arrivals = new ConcurrentQueue<SandboxArrival>();
        var app = SandboxApp.Create(["--urls", "http://127.0.0.1:0", .. settings], builder =>
        {
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<IStartupFilter>(new ArrivalRecorder(arrivals));
        });
        await app.StartAsync();
        return new SandboxHost(app, arrivals);
    }

    public IReadOnlyList<SandboxArrival> Arrivals(string path) => [.. _arrivals.Where(a => a.Path == path)];

    public IReadOnlyList<SandboxArrival> InterviewAlertArrivals => Arrivals(SandboxApp.InterviewAlertsPath);

    public IReadOnlyList<SandboxArrival> TokenArrivals => Arrivals(SandboxApp.TokenPath);

    /// <summary>Waits until the sandbox has finished <paramref name="count"/> requests on the path.</summary>
    public Task<IReadOnlyList<SandboxArrival>> WaitForArrivalsAsync(string path, int count) =>
        Eventually.ValueAsync(() => Arrivals(path) is { } seen && seen.Count >= count ? seen : null,
            TimeSpan.FromSeconds(10), $"{count} request(s) on {path} to finish");

    public async ValueTask DisposeAsync()
    {
        Control.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    private sealed class ArrivalRecorder(ConcurrentQueue<SandboxArrival> arrivals) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, RequestDelegate inner) =>
            {
                try
                {
                    await inner(context);
                }
                finally
                {
                    arrivals.Enqueue(new SandboxArrival(context.Request.Method, context.Request.Path.Value ?? "", context.Response.StatusCode,
                        context.RequestAborted.IsCancellationRequested, context.Request.Headers.Authorization.FirstOrDefault()));
                }
            });
            next(app);
        };
    }
}

/// <summary>The sandbox's Paradox paths, as the arrivals record them.</summary>
public static class SandboxHostPaths
{
    public const string Token = SandboxApp.TokenPath;
    public const string InterviewAlerts = SandboxApp.InterviewAlertsPath;
}
