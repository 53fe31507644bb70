namespace InterviewAlerts.Core.BrassRing.Mappings;

/// <summary>A mapping configuration as read: the options (complete only when there are no problems), every problem, and where it came from.</summary>
public sealed record BrassRingMappingLoad(BrassRingMappingOptions Options, IReadOnlyList<MappingProblem> Problems, string Source)
{
    public bool IsValid => Problems.Count == 0;

    /// <summary>Every problem on its own line, under a heading that names the source.</summary>
    public string Describe()
    {
        if (IsValid) return $"The BrassRing mappings in {Source} are valid.";
        var count = Problems.Count == 1 ? "1 problem" : $"{Problems.Count} problems";
        return $"The BrassRing mappings in {Source} have {count}:{Environment.NewLine}"
            + string.Join(Environment.NewLine, Problems.Select(problem => $"  - {problem}"));
    }
}
