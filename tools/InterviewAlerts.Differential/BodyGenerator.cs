using System.Text;
using System.Text.Json.Nodes;
using InterviewAlerts.Core.Paradox;
using InterviewAlerts.Core.Requests;

namespace InterviewAlerts.Differential;

/// <summary>
/// Request bodies made deterministically from a seed: the corpora as they are and under other content types, every
/// field with every tricky value, and random mutations of the corpora (at the JSON-member level and at the byte level).
/// </summary>
internal sealed class BodyGenerator(Corpora corpora, int seed)
{
    private static readonly string?[] ContentTypes =
    [
        "application/json", null, "application/json; charset=utf-8", "APPLICATION/JSON", "text/json", "text/xml",
        "application/xml", "application/x-www-form-urlencoded", "text/plain", "application/problem+json",
    ];

    /// <summary>Values as raw JSON text: wrong types, blanks, bounds, escapes, lone surrogates, nested and repeated names.</summary>
    private static readonly string[] TrickyValues =
    [
        "null", "\"\"", "\"   \"", "0", "-0", "-1", "1", "5", "45", "415", "416", "19", "20", "1.5", "1.0", "1e2", "1E400",
        "2147483648", "9223372036854775807", "9223372036854775808", "99999999999999999999999999999", "-2147483649",
        "\"42\"", "\" 42 \"", "\"4x\"", "\"+7\"", "\"-3\"", "\"1.0\"", "\"3e1\"", "\"0x10\"", "true", "false", "\"true\"",
        "\"FALSE\"", "\"yes\"", "\"no\"", "\"1\"", "\"0\"", "\"maybe\"", "[]", "{}", "[null]", "[\"\"]", "[\" \", null]",
        "[\"a\",\"b\"]", "[\"a\", 1, null, \" b \"]", "[1.5e3]", "[true]", "[[\"a\"]]", "[{\"x\":1}]", "[{\"x\":1},\"a\"]",
        "[{\"x\":1},{\"y\":[1,{\"z\":null}]}]", "[{}, 3]", "{\"a\":{\"b\":[1,2,{\"c\":null}]}}", "{\"a\":1,\"b\":\"\\u00e9\"}",
        "\"[\\\"a\\\",\\\"b\\\"]\"", "\"[\\\"u_1\\\", 2, null]\"", "\"[\\\"a\\\", {}]\"", "\"[1,2\"", "\"[]\"", "\" [ ] \"",
        "\"[\\\"\\\\ud800\\\"]\"", "\"[\\\"a\\\"] x\"", "\"a,b, ,c\"", "\",,,\"", "\"x@example.com\"", "\"X@Example.COM, y@example.com\"",
        "\"not an email\"", "\"a@b\"", "\"\\u00e9\\u4e2d\"", "\"\\ud83d\\ude00\"", "\"\\ud800\"", "\"\\udc00x\"", "\"\\ud800\\ud800\"",
        "\"tab\\there\"", "\"quote\\\"s\"", "\"new\\nline\"", "\"\\u0000\"", "\"\\/\"", "\"<b>html</b> & 'x'\"", "\"é ü ß 中\"",
        "\"PHONE_INTERVIEW\"", "\"phone_interview\"", "\"Phone Interview\"", "\"SEQUENTIAL\"", "\"interview\"", "\"CANCEL\"",
        "\"Reschedule\"", "\"delete\"", "\"Interview: Scheduled\"", "\"Interview\"", "\":\"", "\"+1 (555) 010-0000\"",
        "\"JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFI+PgpzdHJlYW0K\"", "\"UEsDBBQAAAAIAA==\"", "\"!!notbase64\"",
        "\"" + new string('a', 21) + "\"", "\"" + new string('b', 51) + "\"", "\"" + new string('c', 256) + "\"",
        "\"" + new string('d', 321) + "\"", "\"" + string.Concat(Enumerable.Repeat("\\u00e9", 300)) + "\"",
        "\"" + string.Join(",", Enumerable.Range(1, 30).Select(i => $"m{i}@example.com")) + "\"",
        "[" + string.Join(",", Enumerable.Range(1, 26).Select(i => $"\"u_{i}\"")) + "]",
        "\"[" + string.Join(",", Enumerable.Range(1, 26).Select(i => $"\\\"u_{i}\\\"")) + "]\"",
    ];

    /// <summary>Names as raw JSON string literals: unknown, escaped or cased known names, envelope names, odd text.</summary>
    private static readonly string[] TrickyNames =
    [
        "\"x_custom\"", "\"\"", "\"ACTION\"", "\"\\u0061ction\"", "\"e\\u006dail\"", "\"Sender\"", "\"TransactInfo\"", "\"Packet\"",
        "\"Envelope\"", "\"ns:Packet\"", "\"envelope\"", "\"\\ud800\"", "\"name with space\"", "\"\\u00e9\"", "\"@attributes\"",
    ];

    private readonly Random _random = new(seed);

    public IEnumerable<(string? ContentType, byte[] Body)> Generate(int count)
    {
        var made = 0;
        IEnumerable<(string?, byte[])> All()
        {
            foreach (var file in corpora.Files) yield return file;
            foreach (var file in corpora.Files)
            {
                foreach (var contentType in ContentTypes) yield return (contentType, file.Body);
            }

            foreach (var field in FieldNames.All)
            {
                foreach (var value in TrickyValues)
                {
                    var members = Members(corpora.NativeObjects[0]);
                    Set(members, Literal(field), value);
                    yield return ("application/json", Render(members));
                }
            }

            foreach (var value in ResumeValues())
            {
                var members = Members(corpora.NativeObjects[0]);
                Set(members, Literal(FieldNames.Resume), value);
                yield return ("application/json", Render(members));
            }

            while (true) yield return Mutated();
        }

        foreach (var body in All())
        {
            if (made++ == count) yield break;
            yield return body;
        }
    }

    /// <summary>
    /// Resumes as raw JSON text: large files at and around the 10 MB limit, text whose characters, NUL bytes or invalid
    /// bytes sit anywhere in the file (across any piece a decoder might cut it into), line-broken, spaced or padded
    /// base64, and padding or odd characters inside it.
    /// </summary>
    private static IEnumerable<string> ResumeValues()
    {
        static byte[] Pdf(int size)
        {
            var file = new byte[size];
            "%PDF-1.7\n"u8.CopyTo(file);
            for (var i = 9; i < size; i++) file[i] = (byte)(i * 31);
            return file;
        }

        static byte[] Text(int size)
        {
            var unit = Encoding.UTF8.GetBytes("é中a😀\n");
            var file = new byte[size];
            for (var i = 0; i < size; i++) file[i] = unit[i % unit.Length];
            return file;
        }

        static string Quoted(string base64) => "\"" + base64 + "\"";
        static string Base64(byte[] file) => Convert.ToBase64String(file);

        yield return Quoted(Base64(Pdf(10_480_000)));
        yield return Quoted(Base64(Pdf(10 * 1024 * 1024 - 1)));
        yield return Quoted(Base64(Pdf(10 * 1024 * 1024)));
        foreach (var size in new[] { 0, 1, 2, 3, 7, 8, 3071, 3072, 3073, 3074, 6143, 6144, 6145, 100_000, 1_000_001 })
        {
            var text = Text(size);
            yield return Quoted(Base64(text));
            if (size == 0) continue;
            foreach (var at in new[] { 0, size / 2, size - 1, Math.Min(size - 1, 3071), Math.Min(size - 1, 3072) })
            {
                var withNul = (byte[])text.Clone();
                withNul[at] = 0;
                yield return Quoted(Base64(withNul));
                var withInvalid = (byte[])text.Clone();
                withInvalid[at] = 0xFF;
                yield return Quoted(Base64(withInvalid));
            }

            yield return Quoted(Base64(text[..^1]));
            yield return Quoted(Convert.ToBase64String(text, Base64FormattingOptions.InsertLineBreaks).Replace("\r\n", "\\r\\n", StringComparison.Ordinal));
        }

        var pdf = Base64(Pdf(100_000));
        foreach (var at in new[] { 4, 4092, 4096, 4100, 8192, 50_000, pdf.Length - 4 })
        {
            yield return Quoted(pdf.Insert(at, "QQ=="));
            yield return Quoted(pdf.Insert(at, "QQ="));
            yield return Quoted(pdf.Insert(at, " "));
            yield return Quoted(pdf.Insert(at, "\\t\\n"));
            yield return Quoted(pdf.Insert(at, "\\u00a0"));
            yield return Quoted(pdf.Insert(at, "!"));
            yield return Quoted(pdf.Insert(at, "-_"));
            yield return Quoted(pdf.Remove(at, 1));
        }

        var padded = Base64(Text(3071 * 3 + 1));
        yield return Quoted(padded + "  ");
        yield return Quoted(padded[..^1] + " =");
        yield return Quoted(padded[..^2] + "= =\\n");
        yield return Quoted(padded + "=");
        yield return Quoted(padded[..^2]);
    }

    private (string?, byte[]) Mutated()
    {
        var roll = _random.Next(10);
        if (roll < 2)
        {
            var file = corpora.Files[_random.Next(corpora.Files.Count)];
            return (Pick(ContentTypes), MutateBytes(file.Body));
        }

        var members = Members(corpora.NativeObjects[_random.Next(corpora.NativeObjects.Count)]);
        var mutations = 1 + _random.Next(4);
        for (var i = 0; i < mutations; i++) MutateMembers(members);
        var body = Render(members);
        if (_random.Next(20) == 0) body = [0xEF, 0xBB, 0xBF, .. body];
        if (_random.Next(20) == 0) body = Encoding.UTF8.GetBytes($"{{\"Envelope\":{Encoding.UTF8.GetString(body)}}}");
        var contentType = _random.Next(4) == 0 ? Pick(ContentTypes) : "application/json";
        return (contentType, body);
    }

    private void MutateMembers(List<KeyValuePair<string, string>> members)
    {
        var known = Literal(FieldNames.All[_random.Next(FieldNames.All.Count)]);
        switch (_random.Next(8))
        {
            case 0 or 1 or 2:
                Set(members, known, Pick(TrickyValues));
                break;
            case 3:
                if (members.Count > 0) members.RemoveAt(_random.Next(members.Count));
                break;
            case 4:
                if (members.Count > 0) members.Add(members[_random.Next(members.Count)]); // a repeated name
                break;
            case 5:
                members.Insert(_random.Next(members.Count + 1), new(Pick(TrickyNames), Pick(TrickyValues)));
                break;
            case 6:
                for (var i = members.Count - 1; i > 0; i--)
                {
                    var j = _random.Next(i + 1);
                    (members[i], members[j]) = (members[j], members[i]);
                }

                break;
            default:
                var depth = 1 + _random.Next(40);
                Set(members, known, string.Concat(Enumerable.Repeat("[", depth)) + string.Concat(Enumerable.Repeat("]", depth)));
                break;
        }
    }

    private byte[] MutateBytes(byte[] body)
    {
        var bytes = new List<byte>(body);
        var edits = 1 + _random.Next(3);
        for (var i = 0; i < edits; i++)
        {
            var at = _random.Next(bytes.Count + 1);
            switch (_random.Next(5))
            {
                case 0: if (at < bytes.Count) bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + _random.Next(8))); break;
                case 1: bytes.Insert(at, (byte)_random.Next(256)); break;
                case 2: bytes.InsertRange(at, Encoding.UTF8.GetBytes(Pick(["\\ud800", "\"", ",", "}", "<", "&amp;", "\uFEFF", "é", "\0"]))); break;
                case 3: bytes.InsertRange(0, (byte[])[0xEF, 0xBB, 0xBF]); break;
                default: if (at < bytes.Count) bytes.RemoveRange(at, bytes.Count - at); break;
            }
        }

        return [.. bytes];
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static List<KeyValuePair<string, string>> Members(JsonObject body) =>
        [.. body.Select(member => new KeyValuePair<string, string>(Literal(member.Key), member.Value?.ToJsonString() ?? "null"))];

    private static void Set(List<KeyValuePair<string, string>> members, string name, string value)
    {
        var index = members.FindIndex(member => member.Key == name);
        if (index >= 0) members[index] = new(name, value);
        else members.Add(new(name, value));
    }

    private static string Literal(string name) => System.Text.Json.JsonSerializer.Serialize(name);

    private static byte[] Render(List<KeyValuePair<string, string>> members) =>
        Encoding.UTF8.GetBytes("{" + string.Join(",", members.Select(member => $"{member.Key}:{member.Value}")) + "}");
}
