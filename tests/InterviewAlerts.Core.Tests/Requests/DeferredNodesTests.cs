using System.Text;
using System.Text.Json.Nodes;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Requests;
using InterviewAlerts.Core.Validation;

namespace InterviewAlerts.Core.Tests.Requests;

/// <summary>
/// Segments, interviewer ex ids and debrief read from a native body are built when first read: they must read exactly
/// as the document route (<see cref="RequestNormalizer.Normalize(JsonObject)"/>) reads them, and validate the same.
/// </summary>
public sealed class DeferredNodesTests
{
    private const string Nested = """
        "interview_segments":[{"interview_duration":30,"interviewer_ids":["u_1"]},{"interview_duration":15}],
        "interviewer_ex_ids":[" e5464656 ",{"ex_id":"2523525","optional":true},12.50,null,""],
        "debrief":{"interview_duration":15,"interviewer_ids":["u_636"]}
        """;

    private static readonly RequestInterpreter Interpreter = new();

    [Fact]
    public void Nested_values_read_as_the_document_route_reads_them()
    {
        var body = Body(5, Nested);
        var request = Interpret(body).Request!;
        var viaDocument = RequestNormalizer.Normalize(JsonNode.Parse(body)!.AsObject()).Request!;

        // Validated without building the array: its string items were read on the way.
        Assert.Equal(["e5464656", "12.50"], request.InterviewerExIdStringsIfNotBuilt!);
        Assert.Equal("""[{"interview_duration":30,"interviewer_ids":["u_1"]},{"interview_duration":15}]""", request.InterviewSegments!.ToJsonString());
        Assert.Equal("""["e5464656",{"ex_id":"2523525","optional":true},"12.50"]""", request.InterviewerExIds!.ToJsonString());
        Assert.Equal("""{"interview_duration":15,"interviewer_ids":["u_636"]}""", request.Debrief!.ToJsonString());
        Assert.Null(request.InterviewerExIdStringsIfNotBuilt);
        Assert.Equal(viaDocument.ToParadoxJson().ToJsonString(ParadoxJson.Options), request.ToParadoxJson().ToJsonString(ParadoxJson.Options));
    }

    [Fact]
    public void A_value_once_read_is_the_same_node_on_every_read_and_a_set_value_replaces_it()
    {
        var request = Interpret(Body(5, Nested)).Request!;

        request.InterviewSegments!.Add(new JsonObject { ["interview_duration"] = 5 });
        Assert.Equal(3, request.InterviewSegments!.Count);
        Assert.Same(request.Debrief, request.Debrief);

        request.Debrief = null;
        request.InterviewerExIds = ["x"];
        var paradox = request.ToParadoxJson();
        Assert.False(paradox.ContainsKey("debrief"));
        Assert.Equal("""["x"]""", paradox["interviewer_ex_ids"]!.ToJsonString());
    }

    [Fact]
    public void First_reads_from_several_threads_get_the_same_nodes()
    {
        for (var round = 0; round < 50; round++)
        {
            var request = Interpret(Body(5, Nested)).Request!;
            using var start = new Barrier(4);
            var seen = new JsonNode?[4][];
            // Threads of their own: all four must be waiting at the barrier at once, whatever the thread pool holds.
            var failures = new Exception?[4];
            var readers = Enumerable.Range(0, 4).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                try
                {
                    seen[i] = [request.InterviewSegments, request.InterviewerExIds, request.Debrief];
                }
                catch (Exception ex)
                {
                    failures[i] = ex;
                }
            })).ToList();
            readers.ForEach(t => t.Start());
            readers.ForEach(t => t.Join());

            Assert.All(failures, Assert.Null);

            for (var i = 1; i < 4; i++)
            {
                for (var field = 0; field < 3; field++) Assert.Same(seen[0][field], seen[i][field]);
            }

            Assert.Equal(2, ((JsonArray)seen[0][0]!).Count);
        }
    }

    [Fact]
    public void A_too_long_ex_id_is_reported_as_the_document_route_reports_it_without_building_the_array()
    {
        var body = Body(5, $$"""
            "interviewer_ex_ids":[{"ex_id":"1"},"ok","{{new string('x', 256)}}"]
            """);

        var errors = Interpret(body).Errors;
        var viaDocument = Validate(body);

        var error = Assert.Single(errors);
        Assert.Equal(("interviewer_ex_ids", ErrorCodes.TooLong), (error.Field, error.Code));
        Assert.Contains("item 2", error.Message, StringComparison.Ordinal);
        Assert.Equal(viaDocument, errors);
    }

    [Fact]
    public void Segments_with_a_type_that_is_not_sequential_are_refused_as_before()
    {
        var body = Body(2, """ "interview_segments":[{"interview_duration":30}] """);

        var error = Assert.Single(Interpret(body).Errors);
        Assert.Equal(("interview_segments", ErrorCodes.RequiresSequentialType), (error.Field, error.Code));
        Assert.Equal(Validate(body), Interpret(body).Errors);
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
    [InlineData(""" "interview_segments":[{"a":1},2] """, "interview_segments")]
    [InlineData(""" "interviewer_ex_ids":["a",true] """, "interviewer_ex_ids")]
    [InlineData(""" "debrief":[{"a":1}] """, "debrief")]
    public void Values_of_the_wrong_shape_get_the_same_errors_as_the_document_route(string field, string name)
    {
        var body = Body(5, field);
        var errors = Interpret(body).Errors;

        Assert.Equal(name, Assert.Single(errors).Field);
        Assert.Equal(Validate(body), errors);
    }

    [Fact]
    public void The_reader_s_field_indexes_are_those_of_the_field_list()
    {
        var all = FieldNames.All.ToList();
        Assert.Equal(
            [all.IndexOf(FieldNames.InterviewSegments), all.IndexOf(FieldNames.InterviewerEmails), all.IndexOf(FieldNames.InterviewerExIds),
             all.IndexOf(FieldNames.InterviewTeam), all.IndexOf(FieldNames.AlternateInterviewTeam), all.IndexOf(FieldNames.InterviewerIds),
             all.IndexOf(FieldNames.Debrief)],
            [RequestNormalizer.Segments, RequestNormalizer.InterviewerEmails, RequestNormalizer.ExIds, RequestNormalizer.Team,
             RequestNormalizer.AlternateTeam, RequestNormalizer.InterviewerIds, RequestNormalizer.Debrief]);
    }

    private static Interpretation Interpret(string body) => Interpreter.Interpret("application/json", Encoding.UTF8.GetBytes(body));

    private static IReadOnlyList<FieldError> Validate(string body)
    {
        var normalized = RequestNormalizer.Normalize(JsonNode.Parse(body)!.AsObject());
        return normalized.Errors.Count > 0 ? normalized.Errors : InterviewRequestValidator.Validate(normalized.Request!);
    }

    private static string Body(int interviewType, string fields) =>
        $$"""{"ex_id":"C-1","interview_duration":30,"interview_type":{{interviewType}},{{fields}}}""";
}
