using System.Text.Json;
using System.Text.Json.Nodes;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Paradox;
using InterviewAlerts.Core.Requests;
using Json.Schema;
using InterviewAlerts.Core.Tests.Ingest;

namespace InterviewAlerts.Core.Tests.Requests;

/// <summary>
/// The published JSON Schema (docs/schema/interview-request.schema.json) must accept exactly what the
/// adapter accepts. Cases marked schemaCannotTell are where a schema cannot express the rule; they must
/// really disagree, so a stale mark is caught too.
/// </summary>
public sealed class SchemaAgreementTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schema", "interview-request.schema.json"))));

    public static TheoryData<string> CaseNames() => NativeCorpus.Names();

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Schema_and_adapter_agree(string name)
    {
        var corpusCase = NativeCorpus.Get(name);
        var adapterAccepts = new RequestInterpreter().Interpret(null, corpusCase.Bytes).IsValid;

        if (corpusCase.Raw is not null)
        {
            // A schema judges parsed JSON; unreadable bodies, duplicate keys and non-JSON never reach it.
            Assert.True(corpusCase.SchemaCannotTell, "raw cases are beyond a schema: mark them schemaCannotTell");
            Assert.False(adapterAccepts);
            return;
        }

        var schemaAccepts = SchemaAccepts(corpusCase.Body!);
        if (corpusCase.SchemaCannotTell)
            Assert.NotEqual(adapterAccepts, schemaAccepts);
        else
            Assert.Equal(adapterAccepts, schemaAccepts);
    }

    [Fact]
    public void Schema_lists_every_documented_field_in_seed_order()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schema", "interview-request.schema.json")))!;
        Assert.Equal(FieldNames.All, schema["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema["$schema"]!.GetValue<string>());
    }

    [Fact]
    public void Schema_rejects_what_it_should_on_its_own()
    {
        Assert.False(SchemaAccepts(JsonNode.Parse("""{"ex_id":"C-1","interview_duration":"416","interview_type":2}""")!));
        Assert.True(SchemaAccepts(JsonNode.Parse("""{"ex_id":"C-1","interview_duration":"415","interview_type":"phone interview"}""")!));
    }

    private static bool SchemaAccepts(JsonNode body)
    {
        using var document = JsonDocument.Parse(body.ToJsonString());
        return Schema.Value.Evaluate(document.RootElement).IsValid;
    }
}
