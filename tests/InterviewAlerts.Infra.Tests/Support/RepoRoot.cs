namespace InterviewAlerts.Infra.Tests.Support;

/// <summary>Finds the repository root by walking up from the test assembly to Functions.sln.</summary>
internal static class RepoRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Functions.sln not found above {AppContext.BaseDirectory}: cannot locate the repository root.");
    }
}
