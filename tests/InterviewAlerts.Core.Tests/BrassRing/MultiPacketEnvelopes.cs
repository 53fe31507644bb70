namespace InterviewAlerts.Core.Tests.BrassRing;

/// <summary>Envelopes with several packets (fictional data): candidates and a requisition packet.</summary>
internal static class MultiPacketEnvelopes
{
    public const string RequisitionManifest = "ACME_SCHEDVENDOR_REQEXPORT";

    public static string Packet(string packetId, string fields, string manifest = BrassRingSamples.Manifest) => $"""
          <Packet>
            <PacketInfo packetType="data"><PacketId>{packetId}</PacketId><Action>SET</Action><Manifest>{manifest}</Manifest></PacketInfo>
            <Payload><![CDATA[<{manifest}>{fields}</{manifest}>]]></Payload>
          </Packet>
        """;

    public static string Envelope(string transactId, params string[] packets) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Envelope version="01.00">
          <Sender><Id>ACME_INTEG</Id><Credential>31207</Credential></Sender>
          <Recipient><Id/></Recipient>
          <TransactInfo transactType="data"><TransactId>{transactId}</TransactId><TimeStamp>2025-03-04 14:07 PM</TimeStamp></TransactInfo>
        {string.Concat(packets)}
        </Envelope>
        """;

    public static string Candidate(string candidateId, string email, bool withDuration = true) =>
        $"<CANDIDATEID>{candidateId}</CANDIDATEID><EMAIL>{email}</EMAIL><INTERVIEWTYPE>Phone Interview</INTERVIEWTYPE>"
        + (withDuration ? "<INTERVIEWDURATION>30</INTERVIEWDURATION>" : "");

    /// <summary>Requisition data that completes candidates without a duration.</summary>
    public const string Requisition = "<BRREQNUMBER>18842BR</BRREQNUMBER><INTERVIEWDURATION>45</INTERVIEWDURATION>";
}
