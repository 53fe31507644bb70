namespace InterviewAlerts.Preview.Tests;

/// <summary>The preview tool's check mode, as an operator runs it before deploying a mapping file.</summary>
public sealed class PreviewCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("preview-check-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await PreviewCommand.RunAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("brassring-mappings.json")]
    [InlineData("brassring-mappings.sample.json")]
    public async Task Check_passes_the_shipped_mapping_files(string name)
    {
        var (exitCode, output, error) = await RunAsync("--check", Path.Combine(AppContext.BaseDirectory, "config", name));

        Assert.Equal(PreviewCommand.ExitValid, exitCode);
        Assert.Contains("are valid", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Fact]
    public async Task Check_fails_a_broken_file_with_every_problem_located()
    {
        var path = Path.Combine(_folder, "broken.json");
        await File.WriteAllTextAsync(path, """
            {"BrassRing": {"Mappings": {"ACME": {"Field": {}, "Defaults": {"interview_duration": 3}, "Values": {"INTERVIEWTYPE": {"Video Call": 70}}}}}}
            """);

        var (exitCode, output, error) = await RunAsync("--check", path);

        Assert.Equal(PreviewCommand.ExitProblems, exitCode);
        Assert.Empty(output);
        Assert.Contains("have 3 problems", error, StringComparison.Ordinal);
        Assert.Contains("$.BrassRing.Mappings.ACME.Field: unknown key \"Field\" (did you mean \"Fields\"?)", error, StringComparison.Ordinal);
        Assert.Contains("$.BrassRing.Mappings.ACME.Defaults.interview_duration: the default interview_duration is not accepted", error, StringComparison.Ordinal);
        Assert.Contains("$.BrassRing.Mappings.ACME.Values.INTERVIEWTYPE[\"Video Call\"]: the translation to \"70\" for interview_type is not accepted", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_fails_a_missing_file()
    {
        var (exitCode, _, error) = await RunAsync("--check", Path.Combine(_folder, "absent.json"));

        Assert.Equal(PreviewCommand.ExitProblems, exitCode);
        Assert.Contains("the file does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_takes_only_the_mapping_file()
    {
        var (exitCode, _, error) = await RunAsync("--check", "a.json", "payload.xml");

        Assert.Equal(PreviewCommand.ExitUsage, exitCode);
        Assert.Contains("--check takes only the mapping file", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_shows_the_translation_the_sample_mapping_applies()
    {
        var payload = Path.Combine(_folder, "video-call.xml");
        await File.WriteAllTextAsync(payload, InterviewAlerts.Core.Tests.BrassRing.BrassRingSamples.Envelope(
            "<CANDIDATEID>5530127</CANDIDATEID><EMAIL>dana@example.org</EMAIL><INTERVIEWTYPE>Video Call</INTERVIEWTYPE>",
            manifest: "GLOBEX_PARADOX_SCHEDULE"));

        var (exitCode, output, _) = await RunAsync(payload, "--mappings", Path.Combine(AppContext.BaseDirectory, "config", "brassring-mappings.sample.json"));

        Assert.Equal(PreviewCommand.ExitValid, exitCode);
        Assert.Matches(@"interview_type\s+← INTERVIEWTYPE: ""Video Call"" → 7", output);
        Assert.Contains("\"interview_type\": 7,", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_refuses_a_broken_mapping_file_as_a_usage_error()
    {
        var mappings = Path.Combine(_folder, "broken.json");
        await File.WriteAllTextAsync(mappings, """{"BrassRing": {"Mappings": {"ACME": {"Fields": {"phone_number": ["X"]}}}}}""");
        var payload = Path.Combine(_folder, "p.xml");
        await File.WriteAllTextAsync(payload, "<Envelope/>");

        var (exitCode, _, error) = await RunAsync(payload, "--mappings", mappings);

        Assert.Equal(PreviewCommand.ExitUsage, exitCode);
        Assert.Contains("\"phone_number\" is not a Paradox field", error, StringComparison.Ordinal);
    }
}
