using InterviewAlerts.Core.Callers;
using Microsoft.AspNetCore.Http;

namespace InterviewAlerts.Functions.Http;

/// <summary>The credential headers of an HTTP call, for the framework-free authenticator.</summary>
public static class RequestCredentials
{
    public static CallerCredentials Of(HttpRequest request) => new(
        Header(request, "Authorization"),
        Header(request, CallerCredentials.CallerHeader),
        Header(request, CallerCredentials.WebhookIdHeader),
        Header(request, CallerCredentials.WebhookTimestampHeader),
        Header(request, CallerCredentials.WebhookSignatureHeader));

    /// <summary>Repeated headers are joined with spaces, the separator of webhook-signature entries.</summary>
    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) && values.Count > 0 ? string.Join(' ', values.OfType<string>()) : null;
}
