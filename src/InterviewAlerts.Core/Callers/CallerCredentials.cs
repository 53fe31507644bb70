namespace InterviewAlerts.Core.Callers;

/// <summary>The credential headers of one call, as received. Free of any web framework.</summary>
/// <param name="Authorization">The Authorization header: Basic (caller name and secret) or Bearer (secret).</param>
/// <param name="CallerName">The Caller header: names the caller of a bearer token or a signed request.</param>
/// <param name="WebhookId">Standard Webhooks' webhook-id header.</param>
/// <param name="WebhookTimestamp">Standard Webhooks' webhook-timestamp header (Unix seconds).</param>
/// <param name="WebhookSignature">Standard Webhooks' webhook-signature header: space-separated "v1,&lt;base64&gt;".</param>
public sealed record CallerCredentials(
    string? Authorization,
    string? CallerName = null,
    string? WebhookId = null,
    string? WebhookTimestamp = null,
    string? WebhookSignature = null)
{
    public const string CallerHeader = "Caller";
    public const string WebhookIdHeader = "webhook-id";
    public const string WebhookTimestampHeader = "webhook-timestamp";
    public const string WebhookSignatureHeader = "webhook-signature";

    public bool IsSigned => WebhookId is not null || WebhookTimestamp is not null || WebhookSignature is not null;

    public bool IsEmpty => Authorization is null && !IsSigned;
}
