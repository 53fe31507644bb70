using System.Text;

namespace InterviewAlerts.Core.Tests.BrassRing;

/// <summary>Small fictional envelopes for unit tests (example.org addresses, 555 numbers).</summary>
internal static class BrassRingSamples
{
    public const string Manifest = "ACME_SCHEDVENDOR_CANDIDATE";

    public static string Envelope(string payloadFields, string transactId = "TX-1", string manifest = Manifest, string packetId = "1") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <Envelope version="01.00">
          <Sender><Id>ACME_INTEG</Id><Credential>31207</Credential></Sender>
          <Recipient><Id/></Recipient>
          <TransactInfo transactType="data"><TransactId>{transactId}</TransactId><TimeStamp>2025-03-04 14:07 PM</TimeStamp></TransactInfo>
          <Packet>
            <PacketInfo packetType="data"><PacketId>{packetId}</PacketId><Action>SET</Action><Manifest>{manifest}</Manifest></PacketInfo>
            <Payload><![CDATA[<{manifest}>{payloadFields}</{manifest}>]]></Payload>
          </Packet>
        </Envelope>
        """;

    public const string CompleteFields =
        "<CANDIDATEID>5530127</CANDIDATEID><FIRSTNAME>Dana</FIRSTNAME><EMAIL>dana@example.org</EMAIL>"
        + "<CELLPHONE>555-0100</CELLPHONE><INTERVIEWTYPE>Phone Interview</INTERVIEWTYPE><INTERVIEWDURATION>30</INTERVIEWDURATION>";

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
