namespace InterviewAlerts.Core.BrassRing.Mappings;

/// <summary>One mistake in a mapping configuration: where (a JSON path, line or app setting name), what is wrong, and the fix.</summary>
public sealed record MappingProblem(string Location, string Message, string Fix)
{
    public override string ToString() => $"{Location}: {Message} Fix: {Fix}";
}
