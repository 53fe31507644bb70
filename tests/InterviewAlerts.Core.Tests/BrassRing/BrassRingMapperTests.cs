using InterviewAlerts.Core.BrassRing;
using InterviewAlerts.Core.BrassRing.Mappings;
using Microsoft.Extensions.Configuration;

namespace InterviewAlerts.Core.Tests.BrassRing;

public sealed class BrassRingMapperTests
{
    private static BrassRingEnvelope Envelope(params BrassRingPacket[] packets) => new() { TransactId = "TX-1", Packets = packets };

    private static BrassRingPacket Packet(string manifest, params (string Name, string Value)[] fields) => new()
    {
        PacketId = "1",
        Manifest = manifest,
        PayloadRootName = manifest,
        Fields = [.. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))],
    };

    [Fact]
    public void Built_in_aliases_map_with_sources_and_unknown_elements_are_only_reported()
    {
        var mapping = new BrassRingMapper(new BrassRingMappingOptions()).Map(Envelope(Packet("M",
            ("CANDIDATEID", "42"), ("CandidateEmail", "a@example.org"), ("HOBBY", "chess"), ("INTERVIEWTYPE", "phone_interview"))));

        Assert.Equal("""{"ex_id":"42","interview_type":"2","email":"a@example.org","action":"interview"}""", mapping.Request.ToJsonString());
        Assert.Equal("CandidateEmail", mapping.SourceFields["email"]);
        Assert.Equal(["HOBBY"], mapping.IgnoredFields);
        Assert.Equal(["action"], mapping.DefaultedFields);
        Assert.Equal(["CELLPHONE", "MOBILEPHONE", "HOMEPHONE", "PHONE"], mapping.ElementsLookedFor["phone"]);
    }

    [Fact]
    public void Requisition_packet_fills_only_what_the_candidate_lacks_regardless_of_order()
    {
        var requisition = Packet("X_REQEXPORT", ("JOBTITLE", "Req title"), ("BRREQNUMBER", "1BR"));
        var candidate = Packet("X_CANDIDATE", ("JOBTITLE", "Candidate title"), ("CANDIDATEID", "7"));

        var mapping = new BrassRingMapper(new BrassRingMappingOptions()).Map(Envelope(requisition, candidate));

        Assert.Equal("Candidate title", mapping.Request["job_title"]!.GetValue<string>());
        Assert.Equal("1BR", mapping.Request["job_req_id"]!.GetValue<string>());
        Assert.Equal("X_CANDIDATE", mapping.Manifest);
        Assert.Equal(["JOBTITLE"], mapping.IgnoredFields);
    }

    [Fact]
    public void App_settings_form_binds_fields_defaults_and_status_actions_per_manifest_over_the_all_entry()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BrassRing:Mappings:ACME_X:Fields:phone:0"] = "WORKPHONE",
            ["BrassRing:Mappings:ACME_X:Defaults:interview_type"] = "2",
            ["BrassRing:Mappings:ALL:Defaults:interview_type"] = "9",
            ["BrassRing:Mappings:ALL:Defaults:interview_duration"] = "30",
            ["BrassRing:Mappings:ALL:StatusActions:Cancel Interview"] = "cancel",
        }).Build();
        var load = BrassRingMappingLoader.FromSettings(configuration);
        Assert.True(load.IsValid, load.Describe());
        var mapper = new BrassRingMapper(load.Options);

        var mapping = mapper.Map(Envelope(Packet("acme_x", ("CELLPHONE", "555-0100"), ("WORKPHONE", "555-0101"), ("STATUS", "cancel interview"))));

        Assert.Equal("555-0101", mapping.Request["phone"]!.GetValue<string>());
        Assert.Equal("2", mapping.Request["interview_type"]!.GetValue<string>());
        Assert.Equal("30", mapping.Request["interview_duration"]!.GetValue<string>());
        Assert.Equal("cancel", mapping.Request["action"]!.GetValue<string>());
        Assert.Equal("STATUS", mapping.SourceFields["action"]);
        Assert.Equal(["acme_x", "*"], mapping.ConfigurationEntries);
        Assert.Equal(["CELLPHONE"], mapping.IgnoredFields);
    }

    [Fact]
    public void Interviewer_emails_split_on_commas_and_semicolons()
    {
        var mapping = new BrassRingMapper(new BrassRingMappingOptions()).Map(Envelope(Packet("M", ("INTERVIEWEREMAILS", "a@example.com;b@example.com, c@example.com"))));

        Assert.Equal("""["a@example.com","b@example.com","c@example.com"]""", mapping.Request["interviewer_emails"]!.ToJsonString());
    }

    [Fact]
    public void Shipped_sample_mapping_file_loads()
    {
        var options = BrassRingMappingOptions.LoadFile(Path.Combine(AppContext.BaseDirectory, "config", "brassring-mappings.sample.json"));

        Assert.Equal(["SLOTMINUTES"], options.Mappings["globex_paradox_schedule"].Fields["interview_duration"]);
        Assert.Equal("cancel", options.Mappings["*"].StatusActions["Cancel Interview"]);
    }

    [Fact]
    public void Mapping_file_accepts_numbers_for_defaults_as_in_the_onboarding_guide()
    {
        var path = Path.Combine(Path.GetTempPath(), $"brassring-mappings-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"BrassRing":{"Mappings":{"M":{"Defaults":{"interview_type":2,"interview_duration":30}}}}}""");
        try
        {
            var mapping = new BrassRingMapper(BrassRingMappingOptions.LoadFile(path)).Map(Envelope(Packet("m", ("CANDIDATEID", "1"))));

            Assert.Equal("2", mapping.Request["interview_type"]!.GetValue<string>());
            Assert.Equal("30", mapping.Request["interview_duration"]!.GetValue<string>());
            Assert.Equal(["action", "interview_duration", "interview_type"], mapping.DefaultedFields.Order(StringComparer.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Translations_apply_to_the_element_ignoring_case_before_the_value_is_read_and_are_reported()
    {
        var options = BrassRingMappingOptions.LoadFile(Path.Combine(AppContext.BaseDirectory, "config", "brassring-mappings.sample.json"));

        var mapping = new BrassRingMapper(options).Map(Envelope(Packet("GLOBEX_PARADOX_SCHEDULE", ("CANDIDATEID", "1"), ("InterviewType", " video CALL "))));

        Assert.Equal("7", mapping.Request["interview_type"]!.GetValue<string>());
        Assert.Equal([new ValueTranslation("interview_type", "InterviewType", " video CALL ", "7")], mapping.Translations);
    }

    [Fact]
    public void Untranslated_values_are_kept_for_the_normal_rules_and_other_manifests_are_not_translated()
    {
        var options = BrassRingMappingOptions.LoadFile(Path.Combine(AppContext.BaseDirectory, "config", "brassring-mappings.sample.json"));
        var mapper = new BrassRingMapper(options);

        var untranslated = mapper.Map(Envelope(Packet("GLOBEX_PARADOX_SCHEDULE", ("INTERVIEWTYPE", "Coffee Chat"))));
        var otherManifest = mapper.Map(Envelope(Packet("INITECH_VIRTUAL_SCREEN", ("INTERVIEWTYPE", "Video Call"))));

        Assert.Equal("Coffee Chat", untranslated.Request["interview_type"]!.GetValue<string>());
        Assert.Empty(untranslated.Translations);
        Assert.Equal("Video Call", otherManifest.Request["interview_type"]!.GetValue<string>());
    }

    [Fact]
    public void Translations_of_personal_fields_are_reported_without_the_values()
    {
        var options = new BrassRingMappingOptions();
        var entry = new BrassRingManifestMapping();
        entry.Values["EMAIL"] = new(StringComparer.OrdinalIgnoreCase) { ["none"] = "unknown@example.org" };
        options.Mappings["*"] = entry;

        var mapping = new BrassRingMapper(options).Map(Envelope(Packet("M", ("EMAIL", "None"))));

        Assert.Equal("unknown@example.org", mapping.Request["email"]!.GetValue<string>());
        Assert.Equal([new ValueTranslation("email", "EMAIL", null, null)], mapping.Translations);
    }
}
