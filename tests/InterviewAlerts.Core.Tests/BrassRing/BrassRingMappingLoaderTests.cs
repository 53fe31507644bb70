using InterviewAlerts.Core.BrassRing.Mappings;
using Microsoft.Extensions.Configuration;

namespace InterviewAlerts.Core.Tests.BrassRing;

/// <summary>Every kind of mapping mistake is found, located (JSON path, line or setting name) and comes with a fix.</summary>
public sealed class BrassRingMappingLoaderTests : IDisposable
{
    private readonly MappingFiles _files = new();

    public void Dispose() => _files.Dispose();

    private MappingProblem SingleProblem(string mappingsJson)
    {
        var load = BrassRingMappingLoader.FromFile(_files.WithMappings(mappingsJson));
        return Assert.Single(load.Problems);
    }

    [Fact]
    public void The_shipped_files_are_valid()
    {
        foreach (var name in new[] { "brassring-mappings.json", "brassring-mappings.sample.json" })
        {
            var load = BrassRingMappingLoader.FromFile(Path.Combine(AppContext.BaseDirectory, "config", name));
            Assert.True(load.IsValid, load.Describe());
        }
    }

    [Fact]
    public void Unknown_key_is_named_with_its_path_and_the_key_it_probably_meant()
    {
        var problem = SingleProblem("""{"ACME": {"Field": {"phone": ["WORKPHONE"]}}}""");

        Assert.Equal("$.BrassRing.Mappings.ACME.Field", problem.Location);
        Assert.Contains("unknown key \"Field\" (did you mean \"Fields\"?)", problem.Message, StringComparison.Ordinal);
        Assert.Contains("\"Fields\"", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_Paradox_field_is_named_with_the_nearest_real_one()
    {
        var problem = SingleProblem("""{"ACME": {"Fields": {"phone_number": ["WORKPHONE"]}}}""");

        Assert.Equal("$.BrassRing.Mappings.ACME.Fields.phone_number", problem.Location);
        Assert.Contains("\"phone_number\" is not a Paradox field (did you mean \"phone\"?)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_list_given_as_a_single_string_is_a_wrong_type()
    {
        var problem = SingleProblem("""{"*": {"Fields": {"phone": "WORKPHONE"}}}""");

        Assert.Equal("$.BrassRing.Mappings[\"*\"].Fields.phone", problem.Location);
        Assert.Contains("must be a non-empty list of client element names; got the string \"WORKPHONE\"", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_default_is_checked_with_the_request_rules_of_its_field()
    {
        var problem = SingleProblem("""{"ACME": {"Defaults": {"interview_duration": 3}}}""");

        Assert.Equal("$.BrassRing.Mappings.ACME.Defaults.interview_duration", problem.Location);
        Assert.Contains("the default interview_duration is not accepted", problem.Message, StringComparison.Ordinal);
        Assert.Contains("5–415", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_interview_type_name_as_default_is_refused()
    {
        var problem = SingleProblem("""{"ACME": {"Defaults": {"interview_type": "Video Call"}}}""");

        Assert.Contains("the default interview_type is not accepted", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Video Call", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_status_action_must_be_a_Paradox_action()
    {
        var problem = SingleProblem("""{"ACME": {"StatusActions": {"Withdraw Interview": "cancelled"}}}""");

        Assert.Equal("$.BrassRing.Mappings.ACME.StatusActions[\"Withdraw Interview\"]", problem.Location);
        Assert.Contains("must be one of the actions interview, reschedule, cancel; got the string \"cancelled\"", problem.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean \"cancel\"", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named_and_the_files_next_to_it_are_listed()
    {
        File.WriteAllText(Path.Combine(_files.Folder, "brassring-mappings.sample.json"), "{}");
        var path = Path.Combine(_files.Folder, "brassring-mapping.json");

        var problem = Assert.Single(BrassRingMappingLoader.FromFile(path).Problems);

        Assert.Equal(path, problem.Location);
        Assert.Equal("the file does not exist.", problem.Message);
        Assert.Contains("brassring-mappings.sample.json", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unparsable_file_is_located_by_line()
    {
        var path = _files.Write("{\n  \"BrassRing\": {\n    \"Mappings\": {\n      \"ACME\": {},\n    }\n  }\n}\n");

        var problem = Assert.Single(BrassRingMappingLoader.FromFile(path).Problems);

        Assert.StartsWith($"{path} line 5", problem.Location, StringComparison.Ordinal);
        Assert.StartsWith("not valid JSON", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_name_is_refused_even_when_it_differs_only_in_case()
    {
        var exact = BrassRingMappingLoader.FromFile(_files.Write("""{"BrassRing": {"Mappings": {"A": {}, "A": {}}}}"""));
        var byCase = SingleProblem("""{"ACME": {}, "acme": {}}""");

        Assert.Contains("not valid JSON", Assert.Single(exact.Problems).Message, StringComparison.Ordinal);
        Assert.Contains("repeats the entry \"ACME\"", byCase.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_translated_value_is_checked_with_the_rules_of_the_field_its_element_fills()
    {
        var problem = SingleProblem("""{"ACME": {"Values": {"INTERVIEWTYPE": {"Video Call": 7, "Coffee": 42}}}}""");

        Assert.Equal("$.BrassRing.Mappings.ACME.Values.INTERVIEWTYPE.Coffee", problem.Location);
        Assert.Contains("the translation to \"42\" for interview_type is not accepted", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_translation_for_an_element_no_field_reads_is_refused()
    {
        var problem = SingleProblem("""{"ACME": {"Fields": {"interview_type": ["MEETINGKIND"]}, "Values": {"INTERVIEWTYPE": {"Video Call": 7}}}}""");

        Assert.Equal("$.BrassRing.Mappings.ACME.Values.INTERVIEWTYPE", problem.Location);
        Assert.Contains("not read for any Paradox field", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_a_file_is_reported_at_once()
    {
        var load = BrassRingMappingLoader.FromFile(_files.Write("""
            {"BrassRing": {"Mappings": {"ACME": {"Field": {}, "Defaults": {"interview_type": [2]}, "StatusActions": {"X": "drop"}}}}, "Extra": 1}
            """));

        Assert.Equal(4, load.Problems.Count);
        Assert.Contains("have 4 problems", load.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void App_settings_are_checked_and_located_by_setting_name()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BrassRing:Mappings:ACME:Fields:phone:0"] = "WORKPHONE",
            ["BrassRing:Mappings:ACME:Defaults:interview_duratoin"] = "30",
        }).Build();

        var load = BrassRingMappingLoader.FromSettings(configuration);

        var problem = Assert.Single(load.Problems);
        Assert.Equal("BrassRing:Mappings:ACME:Defaults:interview_duratoin", problem.Location);
        Assert.Contains("did you mean \"interview_duration\"", problem.Message, StringComparison.Ordinal);
        Assert.Equal(["WORKPHONE"], load.Options.Mappings["ACME"].Fields["phone"]);
    }

    [Fact]
    public void A_mapping_file_and_mapping_app_settings_together_are_refused()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [BrassRingMappingLoader.FileSetting] = "config/brassring-mappings.json",
            ["BrassRing:Mappings:ACME:Defaults:interview_duration"] = "30",
        }).Build();

        var load = BrassRingMappingLoader.FromConfiguration(configuration, AppContext.BaseDirectory);

        var problem = Assert.Single(load.Problems);
        Assert.Contains("would be ignored", problem.Message, StringComparison.Ordinal);
        Assert.Contains("(setting BrassRing:MappingsFile)", load.Describe(), StringComparison.Ordinal);
    }
}
