using System.Text.Json.Nodes;
using InterviewAlerts.Core.Requests;

namespace InterviewAlerts.Core.Tests.Requests;

public sealed class ParadoxBodyTests
{
    [Fact]
    public void Teams_are_sent_as_a_string_holding_a_compact_json_array()
    {
        var request = new InterviewRequest { InterviewTeam = ["u_1", "ana+hr@example.com"], AlternateInterviewTeam = ["2523525"] };
        var body = request.ToParadoxJson();
        Assert.Equal("""["u_1","ana+hr@example.com"]""", body["interview_team"]!.GetValue<string>());
        Assert.Equal("""["2523525"]""", body["alternate_interview_team"]!.GetValue<string>());
    }

    [Fact]
    public void Absent_fields_are_omitted_and_action_defaults_to_interview()
    {
        var body = new InterviewRequest { ExId = "C-1" }.ToParadoxJson();
        Assert.Equal("""{"ex_id":"C-1","action":"interview"}""", body.ToJsonString());
    }

    [Fact]
    public void Unknown_fields_follow_the_known_ones_and_are_copies()
    {
        var additional = new JsonObject { ["zeta"] = new JsonArray(1, 2), ["alpha"] = null };
        var request = new InterviewRequest { ExId = "C-1", Debrief = new JsonObject { ["k"] = "v" }, AdditionalFields = additional };

        var body = request.ToParadoxJson();
        body["zeta"]!.AsArray().Add(3);

        Assert.Equal(["ex_id", "action", "debrief", "zeta", "alpha"], body.Select(pair => pair.Key));
        Assert.Equal(2, additional["zeta"]!.AsArray().Count);
    }

    [Fact]
    public void Normalizer_keeps_type_errors_of_every_field_and_the_readable_rest()
    {
        var loose = JsonNode.Parse("""{"interview_duration":"x","OID":true,"ex_id":" C-1 ","debrief":[],"note":"hi"}""")!.AsObject();
        var result = RequestNormalizer.Normalize(loose);

        Assert.False(result.Succeeded);
        Assert.Null(result.Request);
        Assert.Equal(["interview_duration", "OID", "debrief"], result.Errors.Select(e => e.Field));
        Assert.Equal("C-1", result.Readable!.ExId);
        Assert.Equal("hi", result.Readable.Note);
    }
}
