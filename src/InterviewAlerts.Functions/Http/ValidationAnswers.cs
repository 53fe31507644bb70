using InterviewAlerts.Core.Ingest;

namespace InterviewAlerts.Functions.Http;

/// <summary>The dry run's per-packet view of a BrassRing envelope: what each candidate packet would become.</summary>
public static class ValidationAnswers
{
    /// <summary>One entry per candidate packet; null for bodies that are not readable BrassRing envelopes.</summary>
    public static object? Packets(Interpretation interpretation)
    {
        ArgumentNullException.ThrowIfNull(interpretation);
        if (interpretation.Packets.Count == 0) return null;
        return interpretation.Packets.Select(packet => new
        {
            packetId = packet.Packet.PacketId,
            manifest = packet.Mapping.Manifest,
            valid = packet.IsValid,
            paradoxRequest = packet.Request is { } request ? System.Text.Json.Nodes.JsonNode.Parse(request.ToParadoxUtf8()) : null,
            errors = packet.Errors.Select(e => new { field = e.Field, code = e.Code, message = e.Message }),
            longDescription = packet.ProblemDescription,
        }).ToList();
    }
}
