using System.Text.Json;
using System.Text.RegularExpressions;
using InterviewAlerts.Core.BrassRing.Mappings;
using InterviewAlerts.Core.Paradox;
using Json.Schema;

namespace InterviewAlerts.Core.Tests.BrassRing;

/// <summary>
/// The published mapping schema (docs/schema/brassring-mappings.schema.json) and the start-up loader agree on good
/// and bad files; the shipped files and the guide's examples pass both. Cases marked schemaCannotTell are rules a
/// schema cannot express (the field rules of a value, names repeated in another case); they must really disagree.
/// </summary>
public sealed partial class MappingSchemaAgreementTests : IDisposable
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schema", "brassring-mappings.schema.json"))));

    private readonly MappingFiles _files = new();

    public void Dispose() => _files.Dispose();

    public static TheoryData<string, bool, bool> Cases() => new()
    {
        // file text, valid, schemaCannotTell
        { """{"BrassRing": {"Mappings": {}}}""", true, false },
        { """{"$schema": "x.json", "BrassRing": {"Mappings": {"*": {"StatusActions": {"Cancel Interview": "cancel"}}}}}""", true, false },
        { """{"BrassRing": {"Mappings": {"ACME": {"Fields": {"phone": ["WORKPHONE", "CELLPHONE"]}, "Defaults": {"interview_type": 2, "interview_duration": "30", "private": 1, "generate_virtual_url": true}}}}}""", true, false },
        { """{"BrassRing": {"Mappings": {"ACME": {"Values": {"INTERVIEWTYPE": {"Video Call": 7, "Phone Screen": "Phone Interview"}}}}}}""", true, false },
        { """{"BrassRing": {"Mappings": {"ALL": {"Defaults": {"interview_jobloc_code": "REMOTE-01"}}}}}""", true, false },
        { """[]""", false, false },
        { """{"BrassRing": {}}""", false, false },
        { """{"Mappings": {}}""", false, false },
        { """{"BrassRing": {"Mappings": {}, "MappingsFile": "x"}}""", false, false },
        { """{"BrassRing": {"Mappings": {"ACME": {"Field": {"phone": ["WORKPHONE"]}}}}}""", false, false },
        { """{"BrassRing": {"Mappings": {"ACME": {"Fields": {"phone_number": ["WORKPHONE"]}}}}}""", false, false },
        { """{"BrassRing": {"Mappings": {"ACME": {"Fields": {"Phone": ["WORKPHONE"]}}}}}""", false, false },
        { """{"BrassRing": {"Mappings": {"ACME": {"Fields": {"phone": "WORKPHONE"}}}}}""", false, false },
        { """{"BrassRing": {"Mappings": {"ACME": {"Fields": {"phone": []}}}}}""", false, false },
        { """{"BrassRing": {"Mappings": {"ACME": {"Fields": {"phone": [" "]}}}}}""", false, false },
        { """{"BrassRing": {"Mappings": {"ACME": {"Defaults": {"interview_type": [2]}}}}}""", false, false },
        { """{"BrassRing": {"Mappings": {"ACME": {"Defaults": {"interview_type": null}}}}}""", false, false },
        { """{"BrassRing": {"Mappings": {"ACME": {"Defaults": {"job_title": ""}}}}}""", false, false },
        { """{"BrassRing": {"Mappings": {"ACME": {"StatusActions": {"Withdraw": "cancelled"}}}}}""", false, false },
        { """{"BrassRing": {"Mappings": {"ACME": {"StatusActions": {"Withdraw": "Cancel"}}}}}""", false, false },
        { """{"BrassRing": {"Mappings": {"ACME": {"Values": {"INTERVIEWTYPE": 7}}}}}""", false, false },
        { """{"BrassRing": {"Mappings": {"ACME": {"Values": {"INTERVIEWTYPE": {"Video Call": {"type": 7}}}}}}}""", false, false },
        { """{"BrassRing": {"Mappings": {"ACME": []}}}""", false, false },
        { """{"BrassRing": {"Mappings": {"ACME": {"Defaults": {"interview_duration": 3}}}}}""", false, true },
        { """{"BrassRing": {"Mappings": {"ACME": {"Defaults": {"interview_type": "Video Call"}}}}}""", false, true },
        { """{"BrassRing": {"Mappings": {"ACME": {"Values": {"INTERVIEWTYPE": {"Video Call": 42}}}}}}""", false, true },
        { """{"BrassRing": {"Mappings": {"ACME": {"Values": {"HOBBY": {"chess": "1"}}}}}}""", false, true },
        { """{"BrassRing": {"Mappings": {"ACME": {}, "acme": {}}}}""", false, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Schema_and_loader_agree(string text, bool valid, bool schemaCannotTell)
    {
        var loaderAccepts = BrassRingMappingLoader.FromFile(_files.Write(text)).IsValid;
        var schemaAccepts = SchemaAccepts(text);

        Assert.Equal(valid, loaderAccepts);
        if (schemaCannotTell) Assert.NotEqual(loaderAccepts, schemaAccepts);
        else Assert.Equal(loaderAccepts, schemaAccepts);
    }

    public static TheoryData<string> ShippedFiles() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "config"), "*.json").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Shipped_config_files_pass_the_schema_and_the_loader(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "config", name);

        Assert.True(SchemaAccepts(File.ReadAllText(path)), $"{name} fails the schema");
        var load = BrassRingMappingLoader.FromFile(path);
        Assert.True(load.IsValid, load.Describe());
    }

    [Fact]
    public void The_onboarding_guide_mapping_examples_pass_the_schema_and_the_loader()
    {
        var guide = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "docs", "brassring-onboarding.md"));
        var examples = JsonBlock().Matches(guide).Select(match => match.Groups["json"].Value).Where(json => json.Contains("\"BrassRing\"", StringComparison.Ordinal)).ToList();

        Assert.True(examples.Count >= 2, "the guide shows at least the full example and the translation example");
        foreach (var example in examples)
        {
            Assert.True(SchemaAccepts(example), $"schema refuses the guide's example:\n{example}");
            var load = BrassRingMappingLoader.FromFile(_files.Write(example));
            Assert.True(load.IsValid, load.Describe());
        }
    }

    [Fact]
    public void Schema_names_every_Paradox_field_and_is_draft_2020_12()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schema", "brassring-mappings.schema.json")));

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());
        var fields = schema.RootElement.GetProperty("$defs").GetProperty("paradoxField").GetProperty("enum").EnumerateArray().Select(e => e.GetString());
        Assert.Equal(InterviewAlerts.Core.Paradox.FieldNames.All, fields);
    }

    private static bool SchemaAccepts(string text)
    {
        using var document = JsonDocument.Parse(text);
        return Schema.Value.Evaluate(document.RootElement).IsValid;
    }

    [GeneratedRegex("```json\\n(?<json>.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
