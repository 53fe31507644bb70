using System.Text;
using System.Text.Json;

namespace InterviewAlerts.IntegrationTests.Hostile;

/// <summary>What a hostile body must get back: a problem (400/413/415 naming a field) or a BrassRing envelope Status.</summary>
public sealed record HostileExpectation(int? Http, string? Field, string? Code, int? BrassRing, IReadOnlyList<string> Says, IReadOnlyList<string> MustNotSay);

/// <summary>One hostile input: its body, how it is posted, and the answer it must get.</summary>
public sealed record HostileCase(string Name, string Category, string? ContentType, string? Authorization, HostileExpectation Expect, Func<byte[]> Body)
{
    public override string ToString() => Name;
}

/// <summary>
/// tests/corpus/hostile: files/ holds the bodies, cases.json how each is posted and answered (written by
/// generate.py beside it). The oversized bodies are made here, in code, so that no multi-MB file is committed.
/// </summary>
public static class HostileCorpus
{
    /// <summary>Replaced at run time by the file:// URI and the path of a temp file holding the secret marker.</summary>
    public const string SecretUriPlaceholder = "@@SECRET_URI@@";
    public const string SecretPathPlaceholder = "@@SECRET_PATH@@";

    public const string CanaryEmail = "canary.person@example.org";
    public const string CanaryName = "Canaryfirstname";
    public const string CanaryPhone = "+1 555 0199 777";

    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "corpus", "hostile");

    private static readonly Lazy<IReadOnlyDictionary<string, HostileCase>> All = new(Load);

    public static IReadOnlyDictionary<string, HostileCase> Cases => All.Value;

    public static IEnumerable<HostileCase> FileCases => Cases.Values.Where(c => !c.Name.StartsWith("generated:", StringComparison.Ordinal));

    private static Dictionary<string, HostileCase> Load()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Root, "cases.json")));
        var cases = new Dictionary<string, HostileCase>(StringComparer.Ordinal);
        foreach (var item in manifest.RootElement.GetProperty("cases").EnumerateArray())
        {
            var file = item.GetProperty("file").GetString()!;
            var path = Path.Combine(Root, "files", file);
            cases.Add(file, new HostileCase(file, item.GetProperty("category").GetString()!, OptionalString(item, "contentType"),
                OptionalString(item, "auth"), ReadExpectation(item.GetProperty("expect")), () => File.ReadAllBytes(path)));
        }

        foreach (var generated in Oversized()) cases.Add(generated.Name, generated);
        return cases;
    }

    private static HostileExpectation ReadExpectation(JsonElement expect) => new(
        expect.TryGetProperty("http", out var http) ? http.GetInt32() : null,
        OptionalString(expect, "field"),
        OptionalString(expect, "code"),
        expect.TryGetProperty("brassRing", out var brassRing) ? brassRing.GetInt32() : null,
        Strings(expect, "says"),
        Strings(expect, "mustNotSay"));

    private static string? OptionalString(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string[] Strings(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) ? [.. value.EnumerateArray().Select(v => v.GetString()!)] : [];

    /// <summary>Bodies over the limits: 16 MiB for any body, 1 MiB for a BrassRing envelope.</summary>
    private static IEnumerable<HostileCase> Oversized()
    {
        const int MiB = 1024 * 1024;
        const string category = "oversized bodies";
        var tooLarge = new HostileExpectation(413, "$", "too_large", null, [], []);
        HostileExpectation BrassRing(params string[] says) => new(null, null, null, 405, says, []);

        yield return new("generated:native-16MiB-plus-1.json", category, "application/json", null, tooLarge, () => PaddedNativeJson(16 * MiB + 1));
        yield return new("generated:native-32MiB.json", category, "application/json", null, tooLarge, () => PaddedNativeJson(32 * MiB));
        yield return new("generated:native-17MiB-no-content-type.json", category, null, null, tooLarge, () => PaddedNativeJson(17 * MiB));
        yield return new("generated:native-17MiB-chunked-no-content-length.json", category, "application/json", null, tooLarge, () => PaddedNativeJson(17 * MiB));
        yield return new("generated:resume-10MiB-decoded.json", category, "application/json", null,
            new HostileExpectation(400, "resume", "file_too_large", null, [], []), ResumeOfTenMiB);
        yield return new("generated:brassring-1MiB-plus-1.xml", category, "text/xml", "valid", BrassRing("1 MiB"), () => PaddedEnvelope(MiB + 1));
        yield return new("generated:brassring-4MiB-no-content-type.xml", category, null, "valid", BrassRing("1 MiB"), () => PaddedEnvelope(4 * MiB));
        yield return new("generated:brassring-17MiB.xml", category, "text/xml", "valid", BrassRing("larger than"), () => PaddedEnvelope(17 * MiB));
        yield return new("generated:brassring-2MiB-form.form", category, "application/x-www-form-urlencoded", "valid", BrassRing("1 MiB"),
            () => Encoding.ASCII.GetBytes("HRXMLDOC=" + Uri.EscapeDataString(Encoding.UTF8.GetString(PaddedEnvelope(2 * MiB)))));
        yield return new("generated:brassring-1MiB-one-text-node.xml", category, "text/xml", "valid", BrassRing("1 MiB"),
            () => Encoding.UTF8.GetBytes("<Envelope><Sender><Id>" + new string('A', MiB) + "</Id></Sender></Envelope>"));
    }

    /// <summary>A valid-looking native request padded with whitespace to exactly <paramref name="size"/> bytes.</summary>
    private static byte[] PaddedNativeJson(int size)
    {
        var head = Encoding.UTF8.GetBytes("{\"ex_id\":\"C-1\",\"email\":\"" + CanaryEmail + "\",\"interview_duration\":30,\"interview_type\":2,\"note\":\"");
        var tail = "\"}"u8;
        var body = new byte[size];
        head.CopyTo(body, 0);
        body.AsSpan(head.Length, size - head.Length - tail.Length).Fill((byte)'x');
        tail.CopyTo(body.AsSpan(size - tail.Length));
        return body;
    }

    /// <summary>A resume whose file is just over Paradox's 10 MB limit, in a body under the 16 MiB HTTP limit.</summary>
    private static byte[] ResumeOfTenMiB()
    {
        var resume = Convert.ToBase64String(new byte[(10 * 1024 * 1024) + 3]);
        return Encoding.UTF8.GetBytes($$"""{"ex_id":"C-1","interview_duration":30,"interview_type":2,"resume":"{{resume}}"}""");
    }

    /// <summary>A complete, otherwise acceptable envelope padded with whitespace to <paramref name="size"/> bytes.</summary>
    private static byte[] PaddedEnvelope(int size)
    {
        var envelope = Encoding.UTF8.GetBytes($"""
            <Envelope version="01.00"><Sender><Id>ACME_INTEG</Id><Credential>31207</Credential></Sender>
            <TransactInfo><TransactId>OVERSIZED</TransactId></TransactInfo><Packet><PacketInfo><PacketId>1</PacketId></PacketInfo>
            <Payload><![CDATA[<X><CANDIDATEID>1</CANDIDATEID><EMAIL>{CanaryEmail}</EMAIL><INTERVIEWTYPE>2</INTERVIEWTYPE><INTERVIEWDURATION>30</INTERVIEWDURATION></X>]]></Payload></Packet></Envelope>
            """);
        var body = new byte[size];
        envelope.CopyTo(body, 0);
        body.AsSpan(envelope.Length).Fill((byte)' ');
        return body;
    }
}
