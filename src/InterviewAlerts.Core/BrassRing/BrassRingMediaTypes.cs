using InterviewAlerts.Core.Ingest;

namespace InterviewAlerts.Core.BrassRing;

internal enum BrassRingMediaKind
{
    Unspecified,
    Json,
    Xml,
    FormEncoded,
    Other,
}

/// <summary>Which media types may carry a BrassRing envelope.</summary>
internal static class BrassRingMediaTypes
{
    public static BrassRingMediaKind Classify(string? contentType)
    {
        var essence = MediaTypes.Essence(contentType);
        return essence switch
        {
            null => BrassRingMediaKind.Unspecified,
            "text/xml" or "application/xml" => BrassRingMediaKind.Xml,
            "application/x-www-form-urlencoded" => BrassRingMediaKind.FormEncoded,
            "application/json" => BrassRingMediaKind.Json,
            _ when essence.EndsWith("+json", StringComparison.Ordinal) => BrassRingMediaKind.Json,
            _ => BrassRingMediaKind.Other,
        };
    }
}
