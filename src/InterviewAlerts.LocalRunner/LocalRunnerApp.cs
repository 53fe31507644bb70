using Azure.Storage.Queues;
using InterviewAlerts.Functions.Functions;
using InterviewAlerts.Functions.Hosting;
using InterviewAlerts.LocalRunner.Hosting;
using InterviewAlerts.LocalRunner.Triggers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;

namespace InterviewAlerts.LocalRunner;

/// <summary>
/// Hosts the function app's own classes on plain ASP.NET Core: HTTP functions on their routes under /api,
/// queue functions fed from Azurite with host.json's semantics. Production runs on the Azure Functions host.
/// </summary>
public static class LocalRunnerApp
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var settingsPath = builder.Configuration["LocalSettings"] ?? FindLocalSettings();
        // Local settings go first, so environment variables, command-line arguments and test settings override them.
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
        {
            InitialData = LocalSettings.Read(settingsPath),
        });

        builder.Services.AddMvcCore();
        builder.Services.AddInterviewAlertsAdapter(builder.Configuration);

        var (httpFunctions, queueFunctions) = FunctionCatalog.Discover(typeof(IngestInterviewAlert).Assembly);
        var queueSettings = QueueHostSettings.Load(Path.Combine(AppContext.BaseDirectory, "host.json"), builder.Configuration);
        builder.Services.AddSingleton(queueSettings);
        // Tests that inspect the queue itself switch the triggers off, as one would disable a function in Azure.
        var triggersEnabled = !builder.Configuration.GetValue<bool>("LocalRunner:DisableQueueTriggers");
        foreach (var function in triggersEnabled ? queueFunctions : [])
        {
            builder.Services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<QueueTriggerPump>(sp, function,
                sp.GetRequiredService<QueueServiceClient>(), queueSettings));
        }

        var app = builder.Build();
        foreach (var function in httpFunctions)
        {
            app.MapMethods("/api/" + function.Route, function.Methods.Select(m => m.ToUpperInvariant()), async context =>
            {
                var result = await FunctionInvoker.InvokeAsync(context.RequestServices, function.Method, context, null, context.RequestAborted);
                if (result is IActionResult action)
                {
                    await action.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                }
            }).WithName(function.Name);
        }

        return app;
    }

    /// <summary>The function app's local.settings.json, looked for from the current folder upwards.</summary>
    private static string FindLocalSettings()
    {
        var relative = Path.Combine("src", "InterviewAlerts.Functions", "local.settings.json");
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }

        return Path.Combine(Directory.GetCurrentDirectory(), relative);
    }
}
