using InterviewAlerts.Core.Paradox;

namespace InterviewAlerts.IntegrationTests.Paradox;

/// <summary>Which host the adapter calls: a named environment or an explicit base URL.</summary>
public sealed class ParadoxEnvironmentTests
{
    [Theory]
    [InlineData("us-production", "https://api.paradox.ai/")]
    [InlineData("us-staging", "https://stgapi.paradox.ai/")]
    [InlineData("us-test", "https://testapi.paradox.ai/")]
    [InlineData("us-dev", "https://dev2api.paradox.ai/")]
    [InlineData("eu-production", "https://api.eu1.paradox.ai/")]
    [InlineData("eu-staging", "https://api.stg.eu1.paradox.ai/")]
    public void Each_named_environment_resolves_to_its_documented_host(string name, string host)
    {
        Assert.Equal(new Uri(host), new ParadoxOptions { Environment = name }.ResolveBaseUrl());
        Assert.Equal(new Uri(host + ParadoxPaths.InterviewAlerts), new Uri(new ParadoxOptions { Environment = name }.ResolveBaseUrl(), ParadoxPaths.InterviewAlerts));
    }

    [Fact]
    public void The_named_environments_are_exactly_the_six_documented_ones()
    {
        Assert.Equal(["eu-production", "eu-staging", "us-dev", "us-production", "us-staging", "us-test"], ParadoxEnvironments.Names.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("US-Production")]
    [InlineData("  us-production ")]
    public void Environment_names_ignore_case_and_surrounding_spaces(string name)
    {
        Assert.Equal(new Uri("https://api.paradox.ai/"), new ParadoxOptions { Environment = name }.ResolveBaseUrl());
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080/")]
    [InlineData("https://paradox.example.com/", "https://paradox.example.com/")]
    [InlineData("https://gateway.example.com/paradox", "https://gateway.example.com/paradox/")]
    public void An_explicit_base_url_wins_over_the_environment_and_always_ends_with_a_slash(string baseUrl, string expected)
    {
        var resolved = new ParadoxOptions { Environment = "us-production", BaseUrl = baseUrl }.ResolveBaseUrl();

        Assert.Equal(new Uri(expected), resolved);
        Assert.Equal(new Uri(expected + "api/v1/public/auth/token"), new Uri(resolved, ParadoxPaths.Token));
    }

    [Theory]
    [InlineData("us-prod")]
    [InlineData("")]
    [InlineData(null)]
    public void An_unknown_environment_without_a_base_url_fails_naming_the_setting(string? name)
    {
        var failure = Assert.Throws<InvalidOperationException>(() => new ParadoxOptions { Environment = name }.ResolveBaseUrl());

        Assert.Contains($"Paradox:Environment \"{name}\" is not known", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Paradox:BaseUrl", failure.Message, StringComparison.Ordinal);
    }
}
