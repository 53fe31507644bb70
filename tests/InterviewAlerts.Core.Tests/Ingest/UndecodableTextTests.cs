using System.Text;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Validation;

namespace InterviewAlerts.Core.Tests.Ingest;

/// <summary>
/// Regression tests: JSON whose grammar is fine but whose text does not decode (bytes that are not UTF-8, a \u
/// escape of half a surrogate pair) used to throw InvalidOperationException out of the interpreter (HTTP 500),
/// or, in a property name, to be answered as a malformed BrassRing envelope. Now it is invalid native JSON.
/// </summary>
public sealed class UndecodableTextTests
{
    private static readonly RequestInterpreter Interpreter = new();

    private static byte[] Body(params object[] parts)
    {
        var bytes = new List<byte>();
        foreach (var part in parts) bytes.AddRange(part is string text ? Encoding.UTF8.GetBytes(text) : (byte[])part);
        return [.. bytes];
    }

    public static TheoryData<string, byte[]> Undecodable => new()
    {
        { "not UTF-8 in a value", Body("""{"ex_id":"C-""", new byte[] { 0xC3, 0x28 }, "\",\"interview_duration\":30,\"interview_type\":2}") },
        { "not UTF-8 in a name", Body("""{"ex_""", new byte[] { 0xFF }, "id\":\"C-1\",\"interview_duration\":30,\"interview_type\":2}") },
        { "overlong UTF-8 encoding", Body("""{"ex_id":"C-""", new byte[] { 0xC0, 0xAF }, "\",\"interview_duration\":30,\"interview_type\":2}") },
        { "lone high surrogate escape in a value", Body("""{"ex_id":"C-\ud800","interview_duration":30,"interview_type":2}""") },
        { "lone low surrogate escape in a name", Body("""{"ex_\udc00id":"C-1","interview_duration":30,"interview_type":2}""") },
        { "surrogate escapes in the wrong order", Body("""{"ex_id":"\udc00\ud800","interview_duration":30,"interview_type":2}""") },
        { "high surrogate escape before another escape", Body("""{"ex_id":"\ud800\u0041","interview_duration":30,"interview_type":2}""") },
        { "high surrogate escape at the end of a string", Body("""{"ex_id":"C-1","x":"\uDBFF","interview_duration":30,"interview_type":2}""") },
    };

    [Theory]
    [MemberData(nameof(Undecodable))]
    public void Undecodable_text_is_invalid_native_json_not_an_exception(string name, byte[] body)
    {
        foreach (var contentType in new[] { "application/json", null })
        {
            var interpretation = Interpreter.Interpret(contentType, body);

            Assert.Equal(RequestShape.Native, interpretation.Shape);
            Assert.False(interpretation.IsValid, name);
            var error = Assert.Single(interpretation.Errors);
            Assert.Equal(("$", ErrorCodes.InvalidJson), (error.Field, error.Code));
        }
    }

    [Fact]
    public void A_team_string_holding_a_lone_surrogate_escape_is_a_type_error_not_an_exception()
    {
        var body = Body("""{"ex_id":"C-1","interview_duration":30,"interview_type":2,"interview_team":"[\"\\ud800\"]"}""");

        var interpretation = Interpreter.Interpret("application/json", body);

        var error = Assert.Single(interpretation.Errors);
        Assert.Equal(("interview_team", ErrorCodes.InvalidType), (error.Field, error.Code));
    }

    [Fact]
    public void Escaped_text_that_decodes_is_still_read()
    {
        var body = Body("""{"ex_id":"C-\u00e9\ud83d\ude00","interview_duration":30,"interview_type":2,"interview_team":"[\"\\u0041\"]","note":"\\ud800 \\\\ud800"}""");

        var interpretation = Interpreter.Interpret("application/json", body);

        Assert.True(interpretation.IsValid, string.Join("; ", interpretation.Errors.Select(e => e.Message)));
        Assert.Equal("C-é😀", interpretation.Request!.ExId);
        Assert.Equal(["A"], interpretation.Request.InterviewTeam!);
    }
}
