using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace InterviewAlerts.IntegrationTests.Infrastructure;

/// <summary>A file of tests/corpus/brassring with its expected outcome (expectations.json).</summary>
public sealed record BrassRingCase(string File, string ContentType, string Outcome, JsonObject Expectation)
{
    public byte[] Bytes => System.IO.File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "corpus", "brassring", File));

    public IEnumerable<string> Strings(string key) =>
        Expectation[key]?.AsArray().Select(n => n!.GetValue<string>()) ?? [];

    public override string ToString() => File;
}

public static class BrassRingCases
{
    private static readonly Lazy<Dictionary<string, BrassRingCase>> Cases = new(() =>
        JsonNode.Parse(System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "corpus", "brassring", "expectations.json")))!["cases"]!
            .AsArray()
            .Select(n => n!.AsObject())
            .Select(o => new BrassRingCase(o["file"]!.GetValue<string>(), o["contentType"]?.GetValue<string>() ?? "", o["outcome"]!.GetValue<string>(), o))
            .ToDictionary(c => c.File));

    public static BrassRingCase Get(string file) => Cases.Value[file];

    public static TheoryData<string> Files(params string[] outcomes)
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases.Value.Values.Where(c => outcomes.Contains(c.Outcome))) data.Add(c.File);
        return data;
    }
}

/// <summary>The Status block of a BrassRing response envelope, as BrassRing reads it.</summary>
public sealed record EnvelopeStatus(int Code, string ShortDescription, string LongDescription, int PacketStatuses)
{
    public static EnvelopeStatus Parse(string xml)
    {
        var document = XDocument.Parse(xml);
        var transactStatus = document.Descendants().First(e => e.Name.LocalName == "TransactInfo").Elements().First(e => e.Name.LocalName == "Status");
        var packetStatuses = document.Descendants().Where(e => e.Name.LocalName == "PacketInfo").Count(p => p.Elements().Any(e => e.Name.LocalName == "Status"));
        string Text(string name) => transactStatus.Elements().First(e => e.Name.LocalName == name).Value;
        return new EnvelopeStatus(int.Parse(Text("Code"), System.Globalization.CultureInfo.InvariantCulture), Text("ShortDescription"), Text("LongDescription"), packetStatuses);
    }
}
