using InterviewAlerts.IntegrationTests.Infrastructure;
using Paradox.Sandbox.Recording;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InterviewAlerts.IntegrationTests.LocalRun;

/// <summary>
/// The local runner feeds the delivery function as the Functions host does: a batch of batchSize, the next batch as
/// soon as no more than newBatchThreshold are running, never more than their sum in flight. The delivery evidence
/// (docs/performance.md) and the ceiling in docs/operators/scaling-and-concurrency.md rest on this.
/// </summary>
public sealed class QueueTriggerPumpTests
{
    private const int BatchSize = 3;
    private const int NewBatchThreshold = 4;
    private static readonly TimeSpan ParadoxLatency = TimeSpan.FromMilliseconds(800);

    [Fact]
    public async Task Keeps_at_most_batchSize_plus_newBatchThreshold_in_flight_and_refills_before_a_batch_drains()
    {
        await using var harness = await AdapterHarness.StartAsync(new Dictionary<string, string?>
        {
            ["AzureFunctionsJobHost:extensions:queues:batchSize"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AzureFunctionsJobHost:extensions:queues:newBatchThreshold"] = NewBatchThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var pumps = harness.Adapter.Services.GetServices<IHostedService>().Where(s => s.GetType().Name == "QueueTriggerPump").ToList();
        Assert.NotEmpty(pumps);
        foreach (var pump in pumps) await pump.StopAsync(CancellationToken.None);

        const int count = 20;
        var ids = new List<string>();
        for (var i = 0; i < count; i++) ids.Add(await harness.PostNativeAsync(HarnessRequests.UniqueRequest()));
        harness.SandboxFaults.StandingDelayMilliseconds = (int)ParadoxLatency.TotalMilliseconds;
        harness.Sandbox.Services.GetRequiredService<InFlightCounter>().Reset();
        foreach (var pump in pumps) await pump.StartAsync(CancellationToken.None);

        foreach (var id in ids) await harness.WaitForParadoxAsync(id, timeout: TimeSpan.FromSeconds(60));

        // The sandbox counts the calls it holds at once: the pump's concurrency as Paradox sees it.
        var peak = harness.Sandbox.Services.GetRequiredService<InFlightCounter>().Peak;
        Assert.Equal(count, harness.SandboxRequests.All().Count(r => r.Status == 200));
        Assert.True(peak <= BatchSize + NewBatchThreshold, $"{peak} calls in flight; the ceiling is {BatchSize + NewBatchThreshold}");
        Assert.True(peak > BatchSize, $"only {peak} calls in flight: the next batch was not fetched while the first was running");
    }
}
