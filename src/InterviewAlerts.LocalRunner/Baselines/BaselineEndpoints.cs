namespace InterviewAlerts.LocalRunner.Baselines;

/// <summary>
/// Comparison endpoints for load measurements only (off unless LocalRunner:EnableBaselines is true):
/// they show what the same host does without the adapter's work, so figures can be read as ratios.
/// </summary>
public static class BaselineEndpoints
{
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
    }
}
