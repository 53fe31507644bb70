using InterviewAlerts.LocalRunner;

namespace InterviewAlerts.LoadTest.Baselines;

/// <summary>
/// This checkout's local runner with the baseline endpoints mapped, run as a process of its own (the load tool started
/// with <see cref="Command"/>), so a baseline is measured the way an adapter build in its own process is.
/// Configuration comes from environment variables, as for the local runner.
/// </summary>
internal static class BaselineServer
{
    public const string Command = "serve-baselines";

    public static async Task RunAsync(string[] args)
    {
        await using var app = LocalRunnerApp.Create(args);
        BaselineEndpoints.Map(app);
        await app.RunAsync();
    }
}
