using System.Net;
using InterviewAlerts.IntegrationTests.BrassRing;
using InterviewAlerts.IntegrationTests.Infrastructure;
using InterviewAlerts.LocalRunner.Hosting;

namespace InterviewAlerts.IntegrationTests.LocalRun;

/// <summary>The local runner reads the same local.settings.json as Core Tools ("Values", "__" as the separator).</summary>
public sealed class LocalSettingsTests
{
    [Fact]
    public void Values_become_configuration_keys_with_colons()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, """{"IsEncrypted":false,"Values":{"Paradox__BaseUrl":"http://127.0.0.1:1","BrassRing__CallerSecrets__acme":"pw","Delivery__RetryHorizon":"01:00:00"}}""");

        var values = LocalSettings.Read(path).ToDictionary(p => p.Key, p => p.Value);

        Assert.Equal("http://127.0.0.1:1", values["Paradox:BaseUrl"]);
        Assert.Equal("pw", values["BrassRing:CallerSecrets:acme"]);
        Assert.Equal("01:00:00", values["Delivery:RetryHorizon"]);
        File.Delete(path);
    }

    [Fact]
    public async Task Caller_secret_from_local_settings_authenticates_a_BrassRing_export()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, """{"Values":{"Callers__localuser__Shapes":"BrassRing","Callers__localuser__ClientIds__0":"31207","Callers__localuser__Secret":"from-local-settings"}}""");
        await using var harness = await AdapterHarness.StartAsync(new Dictionary<string, string?> { ["LocalSettings"] = path });

        var body = BrassRingCases.Get("reference-sample.xml").Bytes;
        var basic = "Basic " + Convert.ToBase64String("localuser:from-local-settings"u8.ToArray());
        var (status, xml) = await BrassRingOverHttpTests.PostAsync(harness, body, "text/xml", basic);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(200, EnvelopeStatus.Parse(xml).Code);
        File.Delete(path);
    }
}
