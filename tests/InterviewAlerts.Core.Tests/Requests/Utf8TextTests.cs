using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Requests;

namespace InterviewAlerts.Core.Tests.Requests;

public sealed class Utf8TextTests
{
    /// <summary>Characters every kind of escaping treats differently: controls, quotes, HTML, format and separator characters, surrogate pairs.</summary>
    public static TheoryData<string> Texts() =>
    [
        "plain", "a\"b\\c/d", "tab\there\nnew\rline\b\f", "\u0000\u0001\u001f\u007f", "<b>html</b> & 'x' + `y`", "é ü ß 中 😀",
        "\u00ad\u200b\u2028\u2029\ufeff\ufffd", "\u0085\u00a0 x", "JVBERi0xLjQK+/==", new string('Q', 70_000) + "é",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void It_is_written_to_JSON_exactly_as_the_same_text_in_a_string(string text)
    {
        var asUtf8 = JsonSerializer.SerializeToUtf8Bytes(Utf8Text.Blank("x" + text + "x"), ParadoxJson.Options);
        var expected = JsonSerializer.SerializeToUtf8Bytes("x" + text + "x", ParadoxJson.Options);

        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(asUtf8));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Read_from_a_body_it_is_the_text_the_body_holds(string text)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["resume"] = "x" + text + "x" }, ParadoxJson.Options);

        var value = Utf8Text.FromJsonString(NativeJsonReader.Read(body).Body!["resume"]!.AsValue())!;

        Assert.Equal("x" + text + "x", value.ToString());
    }

    [Fact]
    public void A_value_without_escapes_is_the_body_s_own_bytes()
    {
        var body = """{"resume":"  JVBERi0xLjQK  "}"""u8.ToArray();

        var value = Utf8Text.FromJsonString(NativeJsonReader.Read(body).Body!["resume"]!.AsValue())!;

        Assert.Equal("JVBERi0xLjQK", value.ToString());
        Assert.True(body.AsSpan().Overlaps(value.Utf8, out var offset));
        Assert.Equal(13, offset);
    }

    [Fact]
    public void A_value_with_escapes_is_decoded()
    {
        var body = """{"resume":"QUJD\r\nRUZH\u00e9\/\ud83d\ude00"}"""u8.ToArray();

        var value = Utf8Text.FromJsonString(NativeJsonReader.Read(body).Body!["resume"]!.AsValue())!;

        Assert.Equal("QUJD\r\nRUZHé/😀", value.ToString());
        Assert.False(value.Utf8.Overlaps(body));
    }

    /// <summary>Surrounding whitespace is removed as string.Trim removes it, and blank text is absent.</summary>
    [Theory]
    [InlineData(" x ", "x")]
    [InlineData("\u00a0\u2003x y\u3000\u0085", "x y")]
    [InlineData("\\t\\n x \\r\\n", "x")]
    [InlineData("\u200bx\u200b", "\u200bx\u200b")]
    [InlineData("   ", null)]
    [InlineData("\\t\u00a0", null)]
    [InlineData("", null)]
    public void Surrounding_whitespace_is_trimmed_as_in_a_string(string json, string? expected)
    {
        var body = Encoding.UTF8.GetBytes($$"""{"resume":"{{json}}"}""");
        var node = NativeJsonReader.Read(body).Body!["resume"]!.AsValue();

        Assert.Equal(LooseScalars.Blank(node.GetValue<string>()), expected);
        Assert.Equal(expected, Utf8Text.FromJsonString(node)?.ToString());
        Assert.Equal(expected, Utf8Text.Blank(node.GetValue<string>())?.ToString());
    }

    [Fact]
    public void A_value_that_is_not_from_a_body_is_encoded()
    {
        var value = Utf8Text.FromJsonString(JsonValue.Create(" é ")!)!;

        Assert.Equal("é"u8.ToArray(), value.Utf8.ToArray());
    }

    /// <summary>
    /// Reading, validating and serializing a 14 MB request allocates the Paradox body and little else: the resume is
    /// neither copied into a string nor decoded whole.
    /// </summary>
    [Fact]
    public void A_14_MB_request_allocates_little_more_than_its_Paradox_body()
    {
        var file = new byte[10_480_000];
        "%PDF-1.7\n"u8.CopyTo(file);
        var resume = Convert.ToBase64String(file);
        var body = Encoding.UTF8.GetBytes($$"""{"ex_id":"C-1","job_req_id":"18842BR","interview_type":2,"interview_duration":30,"resume":"{{resume}}"}""");
        var interpreter = new RequestInterpreter();
        byte[] Accept() => interpreter.Interpret("application/json", body).Request!.ToParadoxUtf8();
        Accept(); // the first run compiles the code and fills the serializer's pooled buffer

        var before = GC.GetAllocatedBytesForCurrentThread();
        var paradox = Accept();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(resume, JsonNode.Parse(paradox)!["resume"]!.GetValue<string>());
        Assert.InRange(allocated, paradox.Length, paradox.Length + (1 << 20));
    }
}
