using InterviewAlerts.Core.BrassRing;
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
        var mapper = new BrassRingMapper(BrassRingMappingOptions.FromConfiguration(configuration));

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
}
