using System.Net.Http.Headers;

namespace InterviewAlerts.Core.Ingest;

/// <summary>The one place that says what a Content-Type means for a webhook body (parameters such as charset are ignored).</summary>
public static class MediaTypes
{
    public static BodyMediaKind Classify(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return BodyMediaKind.Unspecified;
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed) || parsed.MediaType is null) return BodyMediaKind.Other;

        var type = parsed.MediaType.ToLowerInvariant();
        return type switch
        {
            "application/json" or "text/json" => BodyMediaKind.Json,
            "text/xml" or "application/xml" => BodyMediaKind.Xml,
            "application/x-www-form-urlencoded" => BodyMediaKind.FormEncoded,
            _ when type.EndsWith("+json", StringComparison.Ordinal) => BodyMediaKind.Json,
            _ => BodyMediaKind.Other,
        };
    }

    /// <summary>True for the media types only BrassRing sends (XML and forms): such callers are answered with an envelope.</summary>
    public static bool IsBrassRingOnly(string? contentType) => Classify(contentType) is BodyMediaKind.Xml or BodyMediaKind.FormEncoded;
}
