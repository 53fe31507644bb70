namespace InterviewAlerts.Core.Ingest;

/// <summary>Media-type checks on the raw Content-Type header (parameters such as charset are ignored).</summary>
public static class MediaTypes
{
    public static string? Essence(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return null;
        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var essence = semicolon < 0 ? contentType : contentType[..semicolon];
        return essence.Trim().ToLowerInvariant();
    }

    public static bool IsJsonOrUnspecified(string? contentType)
    {
        var essence = Essence(contentType);
        return essence is null or "application/json" || (essence?.EndsWith("+json", StringComparison.Ordinal) ?? false);
    }
}
