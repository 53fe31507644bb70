using System.Text.Json;
using InterviewAlerts.IntegrationTests.Infrastructure;

namespace InterviewAlerts.IntegrationTests.Http;

/// <summary>The per-instance HTTP limits in host.json are the ones the memory arithmetic of the operator guide assumes.</summary>
public sealed class HostJsonHttpLimitsTests
{
    [Fact]
    public void Host_json_caps_HTTP_concurrency_as_documented()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "host.json")));
        var http = document.RootElement.GetProperty("extensions").GetProperty("http");
        var running = http.GetProperty("maxConcurrentRequests").GetInt32();
        var outstanding = http.GetProperty("maxOutstandingRequests").GetInt32();
        var guide = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "operators", "scaling-and-concurrency.md"));

        Assert.Equal(2, running);
        Assert.Equal(200, outstanding);
        Assert.Contains($"\"maxConcurrentRequests\": {running}", guide, StringComparison.Ordinal);
        Assert.Contains($"\"maxOutstandingRequests\": {outstanding}", guide, StringComparison.Ordinal);
    }
}
