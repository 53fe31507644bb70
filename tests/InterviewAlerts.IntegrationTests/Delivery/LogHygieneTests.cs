using System.Text;
using InterviewAlerts.IntegrationTests.Infrastructure;
using Paradox.Sandbox.Faults;

namespace InterviewAlerts.IntegrationTests.Delivery;

/// <summary>
/// Logs carry the tracking id on every line of both functions, and never a secret, a token or candidate
/// personal data — checked on everything the adapter logged while requests were accepted, failed, retried,
/// rejected and delivered.
/// </summary>
public sealed class LogHygieneTests : IAsyncLifetime
{
    private const string FirstName = "Zephyrine";
    private const string LastName = "Quillfeather";
    private const string Email = "zephyrine.quillfeather@example.org";
    private const string Phone = "+1 555 013 7788";
    private AdapterHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await AdapterHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task No_secret_token_or_personal_data_is_logged_and_every_adapter_line_names_its_tracking_id()
    {
        var personal = $"\"first_name\":\"{FirstName}\",\"last_name\":\"{LastName}\",\"email\":\"{Email}\",\"phone\":\"{Phone}\"";
        _harness.SandboxFaults.Add(new FaultRule { Status = 500, Count = 1 });
        var retried = await _harness.PostNativeAsync(HarnessRequests.UniqueRequest(personal));
        await _harness.WaitForStateAsync(retried, "delivered");
        _harness.SandboxFaults.Add(new FaultRule { Status = 400, Count = 1 });
        var rejected = await _harness.PostNativeAsync(HarnessRequests.UniqueRequest(personal));
        await _harness.WaitForStateAsync(rejected, "rejected");
        _harness.SandboxTokens.ExpireAll();
        var afterExpiry = await _harness.PostNativeAsync(HarnessRequests.UniqueRequest(personal));
        await _harness.WaitForStateAsync(afterExpiry, "delivered");
        var envelope = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "corpus", "brassring", "reference-sample.xml"))
            .Replace("HSCAND884213", "LOGCHECK-" + Guid.NewGuid().ToString("N"), StringComparison.Ordinal)
            .Replace("Dana", FirstName, StringComparison.Ordinal).Replace("dana.okafor@example.org", Email, StringComparison.Ordinal);
        await BrassRing.BrassRingOverHttpTests.PostAsync(_harness, Encoding.UTF8.GetBytes(envelope), "text/xml", AdapterHarness.BrassRingBasic);
        await BrassRing.BrassRingOverHttpTests.PostAsync(_harness, Encoding.UTF8.GetBytes(envelope), "text/xml", "Basic " + Convert.ToBase64String("acme-brassring:wrong-pw-5c1d"u8.ToArray()));
        await _harness.Client.PostAsync("api/interview-alerts", new StringContent($$"""{{{personal}},"interview_duration":2}""", Encoding.UTF8, "application/json"));

        var lines = CapturedLogs.All;
        var forbidden = new List<string> { FirstName, LastName, Email, Phone, "sandbox-secret", AdapterHarness.BrassRingPassword, "wrong-pw-5c1d" };
        forbidden.AddRange(_harness.SandboxRequests.All().Select(r => r.BearerToken!).Where(t => t is not null).Distinct());
        foreach (var value in forbidden)
        {
            Assert.DoesNotContain(lines, line => line.Contains(value, StringComparison.OrdinalIgnoreCase));
        }

        var adapterLines = lines.Where(l => l.Contains("InterviewAlerts.Core.Ingest.IngestService", StringComparison.Ordinal)
            || l.Contains("InterviewAlerts.Core.Delivery.DeliveryProcessor", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(adapterLines);
        Assert.All(adapterLines.Where(l => !l.Contains("call refused", StringComparison.Ordinal)),
            line => Assert.Matches("TrackingId=ia_[0-9a-z]{26}", line));
    }
}
