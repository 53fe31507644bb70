using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsCheck;
using InterviewAlerts.Core.Paradox;
using InterviewAlerts.Core.Requests;

namespace InterviewAlerts.Core.Tests.Ingest;

/// <summary>A body as posted: its Content-Type and bytes, printed readably when a property fails.</summary>
public sealed record FuzzBody(string? ContentType, byte[] Bytes)
{
    public override string ToString()
    {
        var text = Encoding.UTF8.GetString(Bytes);
        var shown = text.Length <= 1500 ? text : text[..1500] + "…";
        return $"Content-Type: {ContentType ?? "(none)"}; {Bytes.Length} bytes; base64 {Convert.ToBase64String(Bytes.AsSpan(0, Math.Min(Bytes.Length, 3000)))}\n{shown}";
    }
}

/// <summary>CsCheck generators for webhook bodies: random bytes, random Paradox-named JSON, mutated envelopes, random XML.</summary>
public static partial class FuzzInputs
{
    private static readonly string?[] ContentTypes =
    [
        null, "", "application/json", "application/json; charset=utf-8", "application/vnd.api+json", "text/xml", "application/xml",
        "text/xml; charset=utf-16", "application/x-www-form-urlencoded", "text/plain", "image/png", "multipart/form-data; boundary=x",
    ];

    private static readonly string?[] XmlContentTypes = [null, "text/xml", "application/xml", "application/json", "application/x-www-form-urlencoded"];

    public static readonly Gen<string?> ContentType = Gen.OneOf(ContentTypes);

    /// <summary>Bytes biased towards the ones that steer the readers (braces, angle brackets, BOM, NUL, invalid UTF-8).</summary>
    private static readonly Gen<byte> SteeringByte = Gen.OneOf("{}[]<>\"':,=&%+;!?-/\\ \n\r\t0123456789eE.ABCDxyz"u8.ToArray()
        .Concat(new byte[] { 0x00, 0x01, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xEF, 0xBB, 0xF0, 0xF4, 0xF8, 0xFE, 0xFF }).ToArray());

    public static readonly Gen<FuzzBody> RandomBytes =
        Gen.Select(ContentType, Gen.Frequency((1, Gen.Byte), (3, SteeringByte)).Array[0, 600], (type, bytes) => new FuzzBody(type, bytes));

    // ---- JSON with Paradox field names -------------------------------------------------------------------------

    private static readonly string[] InterestingStrings =
    [
        "", " ", "  x  ", "30", "2", "0", "-1", "415", "416", "1e400", "3e1", "30.0", "Phone Interview", "PHONE_INTERVIEW", "sequential-interview",
        "interview", "Cancel", "reschedule", "fly", "name@example.com", "a@b", "Bob <b@example.com>", "+15550100", "true", "yes", "no", "1",
        "Interview: Scheduled", ":", "[\"u_1\",\"u_2\"]", "[1,{\"a\":1}]", "[", "a,b,,c", "JVBERi0xLjQK", "====", "AAAA", "/9j/", "\u0000",
        "é😀", "\uFEFF", "\u200B", "\uD800", "x\uDC00", "\uDBFF\uDFFF", "\uDC00\uD800", "<x/>", "<!DOCTYPE x>", "&amp;", new string('x', 300), new string('9', 30),
    ];

    private static readonly Gen<string> AnyString = Gen.Frequency(
        (3, Gen.OneOf(InterestingStrings)),
        (1, Gen.String[0, 30]),
        (1, Gen.Frequency((4, Gen.Char), (1, Gen.Char[(char)0xD800, (char)0xDFFF])).Array[0, 8].Select(chars => new string(chars))),
        (1, Gen.Char.AlphaNumeric.Array[0, 12].Select(chars => new string(chars))));

    private static readonly Gen<string> FieldName = Gen.Frequency(
        (8, Gen.OneOf(FieldNames.All.ToArray())),
        (1, Gen.OneOf("x_custom", "Sender", "TransactInfo", "Packet", "Envelope", "@version", "", " ", "EX_ID", "interview\u200Btype", "іnterview_duration")),
        (1, AnyString));

    private static readonly Gen<string> Scalar = Gen.Frequency(
        (1, Gen.Const("null")),
        (1, Gen.Bool.Select(b => b ? "true" : "false")),
        (2, Gen.Int[-10, 500].Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Double.Where(double.IsFinite).Select(d => d.ToString("R", CultureInfo.InvariantCulture))),
        (1, Gen.OneOf("1e400", "-0", "0.0000001", "1E2", "99999999999999999999999")),
        (5, Gen.Select(AnyString, Gen.Bool).Select(t => Quote(t.Item1, t.Item2))));

    /// <summary>JSON text of a value: scalars of every kind, arrays and objects (nested a few levels).</summary>
    private static readonly Gen<string> JsonValueText = Gen.Recursive<string>((depth, self) => depth >= 3
        ? Scalar
        : Gen.Frequency(
            (6, Scalar),
            (1, self.Array[0, 4].Select(items => "[" + string.Join(",", items) + "]")),
            (1, Gen.Select(FieldName, self).Array[0, 4].Select(ObjectText))));

    private static readonly byte[][] InvalidUtf8 = [[0xC3, 0x28], [0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0x80], [0xF4, 0x90, 0x80, 0x80]];

    /// <summary>
    /// A request: usually a valid core (so the round trip is exercised) plus random Paradox-named fields; sometimes
    /// with bytes that are not UTF-8 put inside its text.
    /// </summary>
    public static readonly Gen<FuzzBody> ParadoxJson =
        Gen.Select(Gen.Bool, Gen.Select(FieldName, JsonValueText).Array[0, 8], Gen.OneOf<string?>("application/json", null, "application/json; charset=utf-8"),
                Gen.Frequency((9, Gen.Const(-1)), (1, Gen.Int[0, int.MaxValue])))
            .Select(t =>
            {
                var (withCore, pairs, type, corruptAt) = t;
                var core = withCore
                    ? new[] { ("ex_id", "\"C-1\""), ("interview_duration", "30"), ("interview_type", "2") }
                    : [];
                var bytes = Encoding.UTF8.GetBytes(ObjectText([.. core, .. pairs]));
                return new FuzzBody(type, corruptAt < 0 ? bytes : [.. bytes[..(corruptAt % bytes.Length)], .. InvalidUtf8[corruptAt % InvalidUtf8.Length], .. bytes[(corruptAt % bytes.Length)..]]);
            });

    private static string ObjectText((string Name, string Value)[] pairs) =>
        "{" + string.Join(",", pairs.Select(p => Quote(p.Name, asciiOnly: false) + ":" + p.Value)) + "}";

    /// <summary>A JSON string literal; non-ASCII either raw (UTF-8) or as \u escapes (which may leave a surrogate alone).</summary>
    private static string Quote(string text, bool asciiOnly)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case < ' ': quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"); break;
                case > '~' when asciiOnly || char.IsSurrogate(c): quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"); break;
                default: quoted.Append(c); break;
            }
        }

        return quoted.Append('"').ToString();
    }

    // ---- mutated BrassRing envelopes -------------------------------------------------------------------------------

    /// <summary>Every envelope of tests/corpus/brassring that the interpreter accepts, with its content type.</summary>
    public static readonly IReadOnlyList<FuzzBody> AcceptedEnvelopes = LoadAcceptedEnvelopes();

    private static List<FuzzBody> LoadAcceptedEnvelopes()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "corpus", "brassring");
        using var expectations = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "expectations.json")));
        return [.. expectations.RootElement.GetProperty("cases").EnumerateArray()
            .Where(c => c.GetProperty("outcome").GetString() == "accepted")
            .Select(c => new FuzzBody(
                c.TryGetProperty("contentType", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null,
                File.ReadAllBytes(Path.Combine(folder, c.GetProperty("file").GetString()!))))];
    }

    [GeneratedRegex(@"<([A-Za-z_][A-Za-z0-9_]*)>[^<]*</\1>", RegexOptions.CultureInvariant)]
    private static partial Regex LeafElement();

    private static readonly string[] Snippets =
    [
        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;", "]]>", "<![CDATA[", "\0", "&", "&lt;", "<", ">", "</Payload>",
        "<Packet>", "<?xml version=\"1.0\"?>", "\uFEFF", "%", "+", "=", "\"", "<!-- c -->", "\uD800", "&#0;", "&#x1F600;",
    ];

    public static readonly Gen<FuzzBody> MutatedEnvelope =
        Gen.Select(Gen.Int[0, AcceptedEnvelopes.Count - 1], Gen.Int[0, 5], Gen.Int[0, int.MaxValue], Gen.Byte, Gen.Int[1, 70])
            .Select(t => Mutate(AcceptedEnvelopes[t.Item1], t.Item2, t.Item3, t.Item4, t.Item5));

    private static FuzzBody Mutate(FuzzBody original, int kind, int position, byte value, int count)
    {
        var bytes = original.Bytes;
        switch (kind)
        {
            case 0: // byte flips
                var flipped = (byte[])bytes.Clone();
                for (var i = 0; i < 1 + (count % 8); i++) flipped[(int)((position + ((long)i * 7919)) % flipped.Length)] ^= (byte)(value | 1);
                return original with { Bytes = flipped };
            case 1: // truncation
                return original with { Bytes = bytes[..(position % bytes.Length)] };
            case 2: // element duplication, possibly with a new value
            {
                var text = Encoding.UTF8.GetString(bytes);
                var leaves = LeafElement().Matches(text);
                if (leaves.Count == 0) return original;
                var leaf = leaves[position % leaves.Count];
                var copy = count % 2 == 0 ? leaf.Value : $"<{leaf.Groups[1].Value}>{Snippets[count % Snippets.Length]}{value}</{leaf.Groups[1].Value}>";
                var repeated = string.Concat(Enumerable.Repeat(copy, 1 + (count % 3)));
                return original with { Bytes = Encoding.UTF8.GetBytes(text.Insert(leaf.Index + leaf.Length, repeated)) };
            }

            case 3: // deep nesting around a leaf
            {
                var text = Encoding.UTF8.GetString(bytes);
                var leaves = LeafElement().Matches(text);
                if (leaves.Count == 0) return original;
                var leaf = leaves[position % leaves.Count];
                var nested = string.Concat(Enumerable.Repeat("<n>", count)) + leaf.Value + string.Concat(Enumerable.Repeat("</n>", count));
                return original with { Bytes = Encoding.UTF8.GetBytes(text.Remove(leaf.Index, leaf.Length).Insert(leaf.Index, nested)) };
            }

            case 4: // a hostile snippet inserted anywhere
            {
                var text = Encoding.UTF8.GetString(bytes);
                var at = position % (text.Length + 1);
                return original with { Bytes = Encoding.UTF8.GetBytes(text.Insert(at, Snippets[count % Snippets.Length])) };
            }

            default: // same body, another content type
                return original with { ContentType = ContentTypes[count % ContentTypes.Length] };
        }
    }

    // ---- random XML ----------------------------------------------------------------------------------------------------------

    private static readonly string[] ElementNames =
    [
        "Envelope", "Sender", "Id", "Credential", "Recipient", "TransactInfo", "TransactId", "TimeStamp", "Packet", "PacketInfo", "PacketId",
        "Action", "Manifest", "Payload", "CANDIDATEID", "EMAIL", "CELLPHONE", "FIRSTNAME", "INTERVIEWTYPE", "INTERVIEWDURATION", "STATUS",
        "REQFORM", "X_REQEXPORT", "br:Envelope", "a", "ex_id", "interview_duration",
    ];

    private static readonly Gen<string> XmlText = Gen.Frequency(
        (4, AnyString.Select(System.Security.SecurityElement.Escape)),
        (1, AnyString.Select(s => "<![CDATA[" + s + "]]>")),
        (1, AnyString));

    private static readonly Gen<string> XmlElement = Gen.Recursive<string>((depth, self) =>
        Gen.Select(Gen.OneOf(ElementNames), depth >= 4 ? XmlText.Array[0, 1] : Gen.Frequency((2, XmlText.Array[0, 1]), (3, self.Array[0, 4])))
            .Select(t => $"<{t.Item1}>{string.Concat(t.Item2)}</{t.Item1}>"));

    /// <summary>Random element trees, bare or as an envelope whose Payload holds a random inner document.</summary>
    public static readonly Gen<FuzzBody> RandomXml = Gen.Select(Gen.Bool, XmlElement, XmlElement, Gen.OneOf(XmlContentTypes), Gen.Bool)
        .Select(t =>
        {
            var (asEnvelope, outer, inner, type, declaration) = t;
            var text = asEnvelope
                ? "<Envelope><Sender><Id>S</Id></Sender><TransactInfo><TransactId>T</TransactId></TransactInfo><Packet><PacketInfo><PacketId>1</PacketId>"
                  + $"<Manifest>M</Manifest></PacketInfo><Payload><![CDATA[{inner.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal)}]]></Payload></Packet>{outer}</Envelope>"
                : outer;
            return new FuzzBody(type, Encoding.UTF8.GetBytes((declaration ? "<?xml version=\"1.0\"?>" : "") + text));
        });
}
