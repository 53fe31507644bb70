using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InterviewAlerts.Functions.Http;

/// <summary>
/// The operator console's page and its two static assets, shipped in the app's Console folder. Only these files are
/// served (a name is looked up, never joined to a path), each with its content type and headers that keep the page
/// from running anything but its own script and from being cached or framed.
/// </summary>
public static class ConsoleFiles
{
    public const string Page = "index.html";

    /// <summary>No inline script or style, nothing from another origin, no framing, no form posting elsewhere.</summary>
    public const string ContentSecurityPolicy = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Page] = "text/html; charset=utf-8",
        ["console.css"] = "text/css; charset=utf-8",
        ["console.js"] = "text/javascript; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Lazy<byte[]>> Contents = ContentTypes.Keys.ToFrozenDictionary(
        name => name, name => new Lazy<byte[]>(() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Console", name))),
        StringComparer.Ordinal);

    /// <summary>The page: never stored, since it is reached with the admin key in its address.</summary>
    public static IActionResult ServePage() => new ConsoleFileResult(Page, "no-store");

    /// <summary>A stylesheet or script of the page (holds no data); 404 for any other name.</summary>
    public static IActionResult ServeAsset(string? file) =>
        file is not null && file != Page && ContentTypes.ContainsKey(file)
            ? new ConsoleFileResult(file, "no-cache")
            : new NotFoundResult();

    private sealed class ConsoleFileResult(string name, string cacheControl) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            var bytes = Contents[name].Value;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = ContentTypes[name];
            response.ContentLength = bytes.Length;
            response.Headers.CacheControl = cacheControl;
            response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            response.Headers.XContentTypeOptions = "nosniff";
            response.Headers["Referrer-Policy"] = "no-referrer";
            return response.Body.WriteAsync(bytes, 0, bytes.Length);
        }
    }
}
