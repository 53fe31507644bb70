namespace InterviewAlerts.Core.Callers;

/// <summary>What a caller may send; configured as "BrassRing", "Json" or "BrassRing, Json".</summary>
[Flags]
public enum CallerShapes
{
    None = 0,
    BrassRing = 1,
    Json = 2,
}
