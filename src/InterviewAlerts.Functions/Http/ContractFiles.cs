using Microsoft.AspNetCore.Mvc;

namespace InterviewAlerts.Functions.Http;

/// <summary>The contract documents shipped with the app (copied from docs/ at build time).</summary>
public static class ContractFiles
{
    public const string OpenApi = "openapi.json";
    public const string RequestSchema = "interview-request.schema.json";

    private static readonly Lazy<byte[]> OpenApiBytes = new(() => Read(OpenApi));
    private static readonly Lazy<byte[]> RequestSchemaBytes = new(() => Read(RequestSchema));

    public static IActionResult Serve(string name) =>
        new FileContentResult(name == OpenApi ? OpenApiBytes.Value : RequestSchemaBytes.Value, "application/json");

    private static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "contract", name));
}
