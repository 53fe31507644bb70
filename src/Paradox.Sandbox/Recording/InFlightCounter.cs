namespace Paradox.Sandbox.Recording;

/// <summary>How many interview_alerts calls the sandbox is handling at once, and the most it has handled together.</summary>
public sealed class InFlightCounter
{
    private int _current;
    private int _peak;

    public int Peak => Volatile.Read(ref _peak);

    /// <summary>Counts one call until the returned handle is disposed.</summary>
    public IDisposable Enter()
    {
        var now = Interlocked.Increment(ref _current);
        int peak;
        while (now > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak)
        {
        }

        return new Leave(this);
    }

    public void Reset() => Volatile.Write(ref _peak, Volatile.Read(ref _current));

    private sealed class Leave(InFlightCounter counter) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0) Interlocked.Decrement(ref counter._current);
        }
    }
}
