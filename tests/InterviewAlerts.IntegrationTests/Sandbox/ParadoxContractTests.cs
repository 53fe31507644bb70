using System.Text;
using System.Text.Json.Nodes;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Paradox;
using InterviewAlerts.Core.Requests;
using Paradox.Sandbox.Contract;

namespace InterviewAlerts.IntegrationTests.Sandbox;

public sealed class ParadoxContractTests
{
    private const string Minimal = """{"ex_id":"C-1","action":"interview","interview_duration":30,"interview_type":2}""";

    private static IReadOnlyList<ParadoxFieldError> Check(string json) => ParadoxContract.Check(JsonNode.Parse(json)!.AsObject());

    /// <summary>The minimal body with one field replaced or added.</summary>
    private static IReadOnlyList<ParadoxFieldError> CheckWith(string field, string jsonValue)
    {
        var body = JsonNode.Parse(Minimal)!.AsObject();
        body[field] = JsonNode.Parse(jsonValue);
        return ParadoxContract.Check(body);
    }

    private static string Base64(byte[] file) => Convert.ToBase64String(file);

    [Fact]
    public void A_minimal_strict_body_passes()
    {
        Assert.Empty(Check(Minimal));
    }

    [Fact]
    public void The_contract_knows_exactly_the_documented_fields()
    {
        Assert.Equal(FieldNames.All.Order(), ParadoxContract.KnownFields.Order());
    }

    [Theory]
    [InlineData("interview_duration", "\"30\"")]
    [InlineData("interview_duration", "30.5")]
    [InlineData("OID", "\"123\"")]
    [InlineData("phone", "15550100")]
    [InlineData("job_req_id", "42")]
    [InlineData("attendee_count", "3")]
    [InlineData("attendee_count", "\"three\"")]
    [InlineData("use_paradox_status_map", "\"true\"")]
    [InlineData("generate_virtual_url", "1")]
    [InlineData("interview_team", "[\"u_1\"]")]
    [InlineData("interview_team", "\"u_1, u_2\"")]
    [InlineData("interviewer_ids", "[{\"id\":\"u_1\"}]")]
    [InlineData("interview_segments", "{\"a\":1}")]
    [InlineData("debrief", "[]")]
    [InlineData("private", "null")]
    [InlineData("email", "true")]
    public void Fields_must_arrive_with_their_strict_json_type(string field, string jsonValue)
    {
        var error = Assert.Single(CheckWith(field, jsonValue));
        Assert.Equal((ParadoxContract.WrongType, field), (error.Code, error.Field));
    }

    [Theory]
    [InlineData("interview_duration", "4", ParadoxContract.OutOfRange)]
    [InlineData("interview_duration", "416", ParadoxContract.OutOfRange)]
    [InlineData("interview_type", "0", ParadoxContract.OutOfRange)]
    [InlineData("interview_type", "20", ParadoxContract.OutOfRange)]
    [InlineData("action", "\"Interview\"", ParadoxContract.OutOfRange)]
    [InlineData("action", "\"delete\"", ParadoxContract.OutOfRange)]
    [InlineData("private", "2", ParadoxContract.OutOfRange)]
    [InlineData("primary_contact_method", "6", ParadoxContract.OutOfRange)]
    [InlineData("sequential_order_automation", "-2", ParadoxContract.OutOfRange)]
    [InlineData("interview_jobloc_room_id", "0", ParadoxContract.OutOfRange)]
    [InlineData("interview_jobloc_room_id", "-2", ParadoxContract.OutOfRange)]
    [InlineData("first_name", "\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"", ParadoxContract.TooLong)]
    [InlineData("phone", "\"+123456789012345678901\"", ParadoxContract.TooLong)]
    [InlineData("interviewer_ids", "\"u_1,exg_1234567\"", ParadoxContract.TooLong)]
    [InlineData("OID", "123456789012345678901", ParadoxContract.TooLong)]
    [InlineData("email", "\"ana@example\"", ParadoxContract.BadEmail)]
    [InlineData("interviewer_emails", "[\"a@example.com\",\"b\"]", ParadoxContract.BadEmail)]
    [InlineData("interview_jobloc_room_email", "\"room@@example.com\"", ParadoxContract.BadEmail)]
    [InlineData("interview_segments", "[{\"a\":1}]", ParadoxContract.SegmentsNeedSequentialType)]
    [InlineData("candidate_journey_status", "\"Scheduled\"", ParadoxContract.BadJourneyStatus)]
    [InlineData("resume", "\"not base64!\"", ParadoxContract.ResumeNotBase64)]
    [InlineData("resume", "\"R0lGODlhAQABAIAAAA==\"", ParadoxContract.ResumeFileTypeNotAllowed)]
    public void Documented_rules_are_enforced(string field, string jsonValue, int code)
    {
        var error = Assert.Single(CheckWith(field, jsonValue));
        Assert.Equal((code, field), (error.Code, error.Field));
    }

    [Fact]
    public void Required_fields_and_the_candidate_are_named_together()
    {
        var errors = Check("{}");
        Assert.Equal(
            [(ParadoxContract.Required, "interview_duration"), (ParadoxContract.Required, "interview_type"), (ParadoxContract.CandidateUnidentifiable, "candidate")],
            errors.Select(e => (e.Code, e.Field)));
    }

    [Fact]
    public void Round_robin_teams_hold_at_most_25_members()
    {
        var members = (int count) => new JsonArray(Enumerable.Range(1, count).Select(i => (JsonNode)JsonValue.Create($"u_{i}")).ToArray()).ToJsonString();
        Assert.Empty(CheckWith("interview_team", JsonValue.Create(members(25)).ToJsonString()));
        var error = Assert.Single(CheckWith("alternate_interview_team", JsonValue.Create(members(26)).ToJsonString()));
        Assert.Equal(ParadoxContract.TeamTooLarge, error.Code);
    }

    [Fact]
    public void Status_map_name_is_required_only_when_the_map_is_used()
    {
        Assert.Empty(CheckWith("use_paradox_status_map", "false"));
        var error = Assert.Single(CheckWith("use_paradox_status_map", "true"));
        Assert.Equal((ParadoxContract.StatusMapNameRequired, "status_map_name"), (error.Code, error.Field));
    }

    [Fact]
    public void Job_application_id_identifies_only_with_its_flag()
    {
        const string withoutFlag = """{"job_application_id":"A-1","interview_duration":30,"interview_type":2}""";
        const string withFlag = """{"job_application_id":"A-1","use_application_id_for_identity":true,"interview_duration":30,"interview_type":2}""";
        Assert.Equal("candidate", Assert.Single(Check(withoutFlag)).Field);
        Assert.Empty(Check(withFlag));
    }

    [Fact]
    public void Resume_size_limit_is_10_MB_decoded()
    {
        var file = new byte[(10 * 1024 * 1024) - 1];
        "%PDF"u8.CopyTo(file);
        Assert.Empty(CheckWith("resume", JsonValue.Create(Base64(file)).ToJsonString()));

        var tooLarge = new byte[10 * 1024 * 1024];
        "%PDF"u8.CopyTo(tooLarge);
        Assert.Equal(ParadoxContract.ResumeTooLarge, Assert.Single(CheckWith("resume", JsonValue.Create(Base64(tooLarge)).ToJsonString())).Code);
    }

    [Fact]
    public void Unknown_fields_are_ignored()
    {
        Assert.Empty(CheckWith("zz_custom", """{"anything":[1,"x",null]}"""));
    }

    [Fact]
    public void Every_valid_corpus_case_arrives_at_paradox_with_the_right_json_types()
    {
        var valid = Corpus().Where(c => c.ExpectValid).ToList();
        Assert.True(valid.Count >= 50, $"only {valid.Count} valid cases");
        foreach (var corpusCase in valid)
        {
            var interpretation = new RequestInterpreter().Interpret(null, corpusCase.Bytes);
            Assert.True(interpretation.IsValid, corpusCase.Name);
            var errors = ParadoxContract.Check(JsonNode.Parse(interpretation.Request!.ToParadoxUtf8())!.AsObject());
            Assert.True(errors.Count == 0, $"{corpusCase.Name}: {string.Join("; ", errors.Select(e => $"{e.Field} {e.Code}"))}");
        }
    }

    [Fact]
    public void Sandbox_and_adapter_reject_the_same_fields_for_every_rule_violation_of_the_corpus()
    {
        // Cases whose values all have the right type reach the rule checks on both sides: the typed body the
        // adapter would send must be refused by the sandbox on exactly the fields the adapter names.
        var compared = 0;
        foreach (var corpusCase in Corpus().Where(c => !c.ExpectValid && c.Body is JsonObject))
        {
            var normalized = RequestNormalizer.Normalize(corpusCase.Body!.AsObject());
            if (!normalized.Succeeded) continue;
            compared++;
            var sandboxFields = ParadoxContract.Check(JsonNode.Parse(normalized.Request!.ToParadoxUtf8())!.AsObject()).Select(e => e.Field).Distinct().Order();
            Assert.True(corpusCase.ExpectedFields.Order().SequenceEqual(sandboxFields),
                $"{corpusCase.Name}: adapter names [{string.Join(", ", corpusCase.ExpectedFields)}], sandbox [{string.Join(", ", sandboxFields)}]");
        }

        Assert.True(compared >= 40, $"only {compared} cases compared");
    }

    private sealed record CorpusCase(string Name, JsonNode? Body, string? Raw, bool ExpectValid, IReadOnlyList<string> ExpectedFields)
    {
        public byte[] Bytes => Encoding.UTF8.GetBytes(Raw ?? Body!.ToJsonString());
    }

    private static IEnumerable<CorpusCase> Corpus()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "corpus", "native-requests.json");
        foreach (var item in JsonNode.Parse(File.ReadAllText(path))!.AsArray())
        {
            var entry = item!.AsObject();
            var expectValid = entry["expect"] is JsonValue;
            var fields = expectValid ? [] : entry["expect"]!["fields"]!.AsArray().Select(f => f!.GetValue<string>()).ToList();
            yield return new CorpusCase(entry["name"]!.GetValue<string>(), entry["body"], entry["raw"]?.GetValue<string>(), expectValid, fields);
        }
    }
}
