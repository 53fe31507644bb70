using Azure.Storage.Queues;
using InterviewAlerts.Core.Observability;
using InterviewAlerts.Core.Tests.Observability;
using InterviewAlerts.Functions.Functions;
using InterviewAlerts.IntegrationTests.Infrastructure;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Time.Testing;
using static InterviewAlerts.Core.Observability.AdapterMetrics;

namespace InterviewAlerts.IntegrationTests.Observability;

/// <summary>The age of the oldest queued message, measured with one peek at a real queue in Azurite.</summary>
public sealed class QueueAgeTests(AzuriteFixture fixture) : IClassFixture<AzuriteFixture>, IAsyncLifetime, IDisposable
{
    private readonly QueueClient _queue = new(fixture.Azurite.ConnectionString, "age-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly CapturedMetrics _captured = CapturedMetrics.Start();
    private readonly FakeTimeProvider _time = new();

    public async Task InitializeAsync() => await _queue.CreateAsync();

    public async Task DisposeAsync() => await _queue.DeleteIfExistsAsync();

    [Fact]
    public async Task An_empty_queue_records_zero()
    {
        var age = await new DeliveryQueueAge(_queue, _captured.Metrics, _time).MeasureAsync(CancellationToken.None);

        Assert.Equal(TimeSpan.Zero, age);
        var point = Assert.Single(_captured.Points(QueueOldestAge));
        Assert.Equal((0.0, "s"), (point.Sum, point.Unit));
    }

    [Fact]
    public async Task The_oldest_message_is_measured_from_when_it_was_queued()
    {
        await _queue.SendMessageAsync("first");
        await _queue.SendMessageAsync("second");
        var inserted = (await _queue.PeekMessageAsync()).Value.InsertedOn!.Value;
        _time.SetUtcNow(inserted + TimeSpan.FromSeconds(95));

        var age = await new DeliveryQueueAge(_queue, _captured.Metrics, _time).MeasureAsync(CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(95), age);
        Assert.Equal(95.0, Assert.Single(_captured.Points(QueueOldestAge)).Sum);
    }

    [Fact]
    public void The_probe_runs_every_minute_without_a_schedule_monitor()
    {
        var trigger = typeof(MeasureDeliveryQueueAge).GetMethod(nameof(MeasureDeliveryQueueAge.Run))!.GetParameters()
            .Select(parameter => parameter.GetCustomAttributes(typeof(TimerTriggerAttribute), false).OfType<TimerTriggerAttribute>().SingleOrDefault())
            .Single(attribute => attribute is not null)!;

        Assert.Equal("0 * * * * *", trigger.Schedule);
        Assert.False(trigger.UseMonitor);
    }

    public void Dispose() => _captured.Dispose();
}
