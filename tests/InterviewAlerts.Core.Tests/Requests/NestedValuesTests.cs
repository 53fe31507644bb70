using System.Text;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Validation;

namespace InterviewAlerts.Core.Tests.Requests;

/// <summary>Segments, interviewer ex ids and debrief of a native body: read as given, checked by their own rules.</summary>
public sealed class NestedValuesTests
{
    private static readonly RequestInterpreter Interpreter = new();

    [Fact]
    public void Nested_values_pass_as_given_and_ex_id_strings_are_trimmed()
    {
        var body = Body(5, """
            "interview_segments":[{"interview_duration":30,"interviewer_ids":["u_1"]},{"interview_duration":15}],
            "interviewer_ex_ids":[" e5464656 ",{"ex_id":"2523525","optional":true},12.50,null,""],
            "debrief":{"interview_duration":15,"interviewer_ids":["u_636"]}
            """);

        var paradox = Interpret(body).Request!.ToParadoxJson();

        Assert.Equal("""[{"interview_duration":30,"interviewer_ids":["u_1"]},{"interview_duration":15}]""", paradox["interview_segments"]!.ToJsonString());
        Assert.Equal("""["e5464656",{"ex_id":"2523525","optional":true},"12.50"]""", paradox["interviewer_ex_ids"]!.ToJsonString());
        Assert.Equal("""{"interview_duration":15,"interviewer_ids":["u_636"]}""", paradox["debrief"]!.ToJsonString());
    }

    [Fact]
    public void A_too_long_ex_id_is_reported_by_its_place_among_the_string_items()
    {
        var body = Body(5, $$"""
            "interviewer_ex_ids":[{"ex_id":"1"},"ok","{{new string('x', 256)}}"]
            """);

        var error = Assert.Single(Interpret(body).Errors);
        Assert.Equal(("interviewer_ex_ids", ErrorCodes.TooLong), (error.Field, error.Code));
        Assert.Contains("item 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Segments_with_a_type_that_is_not_sequential_are_refused()
    {
        var error = Assert.Single(Interpret(Body(2, """ "interview_segments":[{"interview_duration":30}] """)).Errors);
        Assert.Equal(("interview_segments", ErrorCodes.RequiresSequentialType), (error.Field, error.Code));
    }

    [Theory]
    [InlineData(""" "interview_segments":[] """)]
    [InlineData(""" "interviewer_ex_ids":[" ",null] """)]
    public void Lists_with_nothing_in_them_read_as_absent(string field)
    {
        var paradox = Interpret(Body(5, field)).Request!.ToParadoxJson();
        Assert.False(paradox.ContainsKey("interview_segments"));
        Assert.False(paradox.ContainsKey("interviewer_ex_ids"));
    }

    [Theory]
    [InlineData(""" "interview_segments":[{"a":1},2] """, "interview_segments", "an array with an item that is not an object")]
    [InlineData(""" "interviewer_ex_ids":["a",true] """, "interviewer_ex_ids", "item 2 must be a string or an object; got a JSON boolean")]
    [InlineData(""" "debrief":[{"a":1}] """, "debrief", "must be a JSON object; got a JSON array")]
    public void Values_of_the_wrong_shape_are_type_errors_of_their_field(string field, string name, string message)
    {
        var error = Assert.Single(Interpret(Body(5, field)).Errors);
        Assert.Equal((name, ErrorCodes.InvalidType), (error.Field, error.Code));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static Interpretation Interpret(string body) => Interpreter.Interpret("application/json", Encoding.UTF8.GetBytes(body));

    private static string Body(int interviewType, string fields) =>
        $$"""{"ex_id":"C-1","interview_duration":30,"interview_type":{{interviewType}},{{fields}}}""";
}
