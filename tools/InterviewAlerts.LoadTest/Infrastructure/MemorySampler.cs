using System.Diagnostics;

namespace InterviewAlerts.LoadTest.Infrastructure;

/// <summary>Samples a process tree's resident set (and its root's alone) every <see cref="Interval"/> until disposed; keeps every sample.</summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly int _rootPid;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(double Seconds, double ResidentMiB, double RootMiB)> _samples = [];
    private readonly Task _loop;

    public MemorySampler(int rootPid)
    {
        _rootPid = rootPid;
        _loop = Task.Run(LoopAsync);
    }

    public IReadOnlyList<(double Seconds, double ResidentMiB, double RootMiB)> Samples
    {
        get
        {
            lock (_samples) return [.. _samples];
        }
    }

    public double PeakMiB => Samples.Count == 0 ? double.NaN : Samples.Max(s => s.ResidentMiB);

    public double Seconds => _clock.Elapsed.TotalSeconds;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            var sample = (_clock.Elapsed.TotalSeconds, ProcessTreeMemory.ResidentMiB(_rootPid), ProcessTreeMemory.RootResidentMiB(_rootPid));
            lock (_samples) _samples.Add(sample);
        }
        while (await WaitAsync(timer));
    }

    private async Task<bool> WaitAsync(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
