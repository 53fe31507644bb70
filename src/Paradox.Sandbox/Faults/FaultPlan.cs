namespace Paradox.Sandbox.Faults;

/// <summary>Faults queued for upcoming requests, consumed in order. Also a standing delay for latency demos.</summary>
public sealed class FaultPlan
{
    private readonly Lock _gate = new();
    private readonly List<(FaultRule Rule, int Remaining)> _rules = [];

    /// <summary>Added to every interview_alerts answer (e.g. 300 ms to imitate a slow Paradox).</summary>
    public int StandingDelayMilliseconds { get; set; }

    public void Add(FaultRule rule)
    {
        lock (_gate) _rules.Add((rule, Math.Max(1, rule.Count)));
    }

    public void Clear()
    {
        lock (_gate) _rules.Clear();
        StandingDelayMilliseconds = 0;
    }

    public FaultRule? Take(FaultTarget target)
    {
        lock (_gate)
        {
            var index = _rules.FindIndex(r => r.Rule.Target == target);
            if (index < 0) return null;
            var (rule, remaining) = _rules[index];
            if (remaining <= 1) _rules.RemoveAt(index);
            else _rules[index] = (rule, remaining - 1);
            return rule;
        }
    }
}
