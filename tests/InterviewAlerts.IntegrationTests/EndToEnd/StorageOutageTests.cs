using System.Net;
using System.Text;
using InterviewAlerts.IntegrationTests.Infrastructure;

namespace InterviewAlerts.IntegrationTests.EndToEnd;

/// <summary>With storage down, ingest must say 503 (with Retry-After), never 202, and queue nothing.</summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    private readonly string _azuriteFolder = Directory.CreateTempSubdirectory("azurite-outage-").FullName;
    private AdapterHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await AdapterHarness.StartAsync(azuriteLocation: _azuriteFolder);

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        Directory.Delete(_azuriteFolder, recursive: true);
    }

    [Fact]
    public async Task Stopped_Azurite_makes_ingest_answer_503_and_nothing_is_queued()
    {
        await _harness.Azurite.StopAsync();

        var response = await _harness.Client.PostAsync("api/interview-alerts", new StringContent(
            """{"ex_id":"CAND-OUTAGE","interview_duration":30,"interview_type":2}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);

        await _harness.Azurite.StartAsync();
        var queue = _harness.Queue("interview-alerts");
        if (await queue.ExistsAsync())
        {
            Assert.Empty((await queue.PeekMessagesAsync(32)).Value);
        }

        Assert.Empty(_harness.SandboxRequests.All());
    }
}
