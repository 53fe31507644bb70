using System.Text;
using System.Xml.Linq;

namespace InterviewAlerts.IntegrationTests.Infrastructure;

/// <summary>Builds BrassRing envelopes with any number of packets (fictional data) and reads the per-packet answer.</summary>
public static class BrassRingEnvelopes
{
    public const string Manifest = "ACME_SCHEDVENDOR_CANDIDATE";
    public const string RequisitionManifest = "ACME_SCHEDVENDOR_REQEXPORT";

    /// <summary>A candidate packet with a unique candidate id; <paramref name="valid"/> false gives it a 3-minute interview.</summary>
    public static string Candidate(string packetId, string candidateId, bool valid = true) => Packet(packetId, Manifest,
        $"<CANDIDATEID>{candidateId}</CANDIDATEID><EMAIL>{candidateId.ToLowerInvariant()}@example.org</EMAIL>"
        + $"<INTERVIEWTYPE>Phone Interview</INTERVIEWTYPE><INTERVIEWDURATION>{(valid ? 30 : 3)}</INTERVIEWDURATION>");

    public static string Requisition(string packetId) =>
        Packet(packetId, RequisitionManifest, "<BRREQNUMBER>18842BR</BRREQNUMBER><JOBCODE>WHS-ASSOC-2</JOBCODE>");

    public static byte[] Envelope(string transactId, params string[] packets) => Encoding.UTF8.GetBytes($"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Envelope version="01.00">
          <Sender><Id>ACMECORP_INTEG</Id><Credential>31207</Credential></Sender>
          <Recipient><Id/></Recipient>
          <TransactInfo transactType="data"><TransactId>{transactId}</TransactId><TimeStamp>2025-03-04 14:07 PM</TimeStamp></TransactInfo>
          {string.Concat(packets)}
        </Envelope>
        """);

    public static string NewCandidateId() => "C" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    /// <summary>Each response packet's PacketId, Code and LongDescription, in order.</summary>
    public static IReadOnlyList<(string PacketId, int Code, string LongDescription)> PacketStatuses(string xml) =>
        [.. XDocument.Parse(xml).Descendants("PacketInfo").Select(info => (
            info.Element("PacketId")!.Value,
            int.Parse(info.Element("Status")!.Element("Code")!.Value, System.Globalization.CultureInfo.InvariantCulture),
            info.Element("Status")!.Element("LongDescription")!.Value))];

    private static string Packet(string packetId, string manifest, string fields) => $"""
        <Packet>
          <PacketInfo packetType="data"><PacketId>{packetId}</PacketId><Action>SET</Action><Manifest>{manifest}</Manifest></PacketInfo>
          <Payload><![CDATA[<{manifest}>{fields}</{manifest}>]]></Payload>
        </Packet>
        """;
}
