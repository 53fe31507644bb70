using System.Globalization;
using System.Text;

namespace InterviewAlerts.Core.BrassRing;

/// <summary>
/// The transaction's Status (TransactInfo) of an envelope whose candidate packets were answered one by one.
/// BrassRing shows the recruiter one Success or Failure per export, and a recruiter only redoes an export that
/// failed, so the transaction is 200 only when every packet is: a packet not queued must never hide behind a
/// success. The worst packet decides the code (503, then 405); the LongDescription names every packet's outcome,
/// so the recruiter sees which candidates are already queued and what to fix for the others.
/// </summary>
public static class BrassRingTransactionStatus
{
    /// <param name="packets">Each candidate packet's PacketId and Status, in envelope order.</param>
    public static BrassRingStatus Of(IReadOnlyList<(string PacketId, BrassRingStatus Status)> packets)
    {
        ArgumentNullException.ThrowIfNull(packets);
        if (packets.Count == 0) throw new ArgumentException("An envelope answered per packet has at least one packet.", nameof(packets));
        if (packets.Count == 1) return packets[0].Status;

        var worst = packets.Max(packet => packet.Status.Code);
        var lines = packets.Select((packet, index) => Line(Label(packet.PacketId, index), packet.Status)).ToList();
        return worst switch
        {
            200 => new BrassRingStatus(200, "Interview requests accepted", Join("Every candidate was queued for Paradox.", lines)),
            503 => new BrassRingStatus(503, "Temporarily unavailable",
                Join("Not every candidate was queued because storage is unavailable; retry the export in a few minutes (undo and redo the HR status).", lines)),
            _ => new BrassRingStatus(worst, "Data problem", Join("Not every candidate was queued; fix the packets NOT queued and redo the HR status.", lines)),
        };
    }

    private static string Label(string packetId, int index) =>
        packetId.Length > 0 ? packetId : "#" + (index + 1).ToString(CultureInfo.InvariantCulture);

    private static string Line(string label, BrassRingStatus status) => status.Code == 200
        ? $"Packet {label}: queued ({status.LongDescription})."
        : $"Packet {label} NOT queued: {status.LongDescription}";

    /// <summary>Whole lines up to <see cref="BrassRingProblemDescriber.MaxLength"/>, then how many were left out.</summary>
    private static string Join(string lead, List<string> lines)
    {
        var text = new StringBuilder(lead);
        for (var i = 0; i < lines.Count; i++)
        {
            var note = $" (and {lines.Count - i} more packets)";
            if (text.Length + 1 + lines[i].Length + (i < lines.Count - 1 ? note.Length : 0) > BrassRingProblemDescriber.MaxLength)
            {
                if (text.Length + note.Length <= BrassRingProblemDescriber.MaxLength) text.Append(note);
                break;
            }

            text.Append(' ').Append(lines[i]);
        }

        return text.ToString();
    }
}
