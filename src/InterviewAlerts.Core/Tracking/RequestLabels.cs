namespace InterviewAlerts.Core.Tracking;

/// <summary>What a record says about where a request came from, for operators to find it by (no candidate data).</summary>
public sealed record RequestLabels(string? Manifest = null, string? TransactId = null, string? PacketId = null, string? ExIdHash = null)
{
    public static readonly RequestLabels None = new();
}
