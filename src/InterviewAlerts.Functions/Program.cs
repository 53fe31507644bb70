using InterviewAlerts.Functions.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddInterviewAlertsAdapter(builder.Configuration);
builder.Services.AddAdapterTelemetry(builder.Configuration);
builder.Build().Run();
