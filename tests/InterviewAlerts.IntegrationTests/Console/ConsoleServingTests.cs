using System.Net;
using InterviewAlerts.Functions.Http;
using InterviewAlerts.IntegrationTests.Contract;
using InterviewAlerts.IntegrationTests.Infrastructure;
using InterviewAlerts.IntegrationTests.Metadata;
using OpenQA.Selenium;

namespace InterviewAlerts.IntegrationTests.Console;

/// <summary>The console's page and assets over real HTTP: only the shipped files, their types and security headers; the page in Chromium.</summary>
public sealed class ConsoleServingTests(DeliveringAdapterFixture fixture) : IClassFixture<DeliveringAdapterFixture>
{
    private readonly AdapterHarness _harness = fixture.Harness;

    [Fact]
    public void The_build_declares_the_page_behind_the_admin_key_and_only_its_assets_anonymous()
    {
        var routes = FunctionMetadataTests.HttpRoutes();

        Assert.Contains(("ops/console", "get", "Admin"), routes);
        Assert.Contains(("ops/console-assets/{file}", "get", "Anonymous"), routes);
        Assert.Equal(2, routes.Count(r => r.Route.StartsWith("ops/console", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_page_is_html_never_stored_and_allowed_only_its_own_script_and_style()
    {
        using var response = await _harness.AnonymousClient.GetAsync("api/ops/console");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal(ConsoleFiles.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.StartsWith("default-src 'self';", ConsoleFiles.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<script src=\"/api/ops/console-assets/console.js\" defer></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal); // no inline script: the policy would block it
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("console.css", "text/css", ":root")]
    [InlineData("console.js", "text/javascript", "'use strict';")]
    public async Task Each_asset_is_served_anonymously_with_its_type_and_without_long_lived_caching(string file, string mediaType, string content)
    {
        using var response = await _harness.AnonymousClient.GetAsync("api/ops/console-assets/" + file);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal(ConsoleFiles.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.Contains(content, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("index.html")] // the page itself only behind the admin key, at its own route
    [InlineData("CONSOLE.JS")]
    [InlineData("host.json")]
    [InlineData("..%2Fhost.json")]
    [InlineData("..%2F..%2FInterviewAlerts.Functions.dll")]
    [InlineData("local.settings.json")]
    public async Task Any_other_name_is_404_and_serves_nothing(string file)
    {
        using var response = await _harness.AnonymousClient.GetAsync("api/ops/console-assets/" + file);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public void In_Chromium_the_page_runs_its_script_and_style_and_keeps_the_key_for_the_tab_only_out_of_the_address_bar()
    {
        using var browser = ConsoleBrowser.Start();

        browser.Driver.Navigate().GoToUrl(new Uri(_harness.AdapterUrl, "api/ops/console?code=not-a-real-key-5b1e"));

        browser.Wait.Until(d => d.FindElement(By.TagName("body")).GetDomAttribute("data-ready") == "true");
        Assert.EndsWith("/api/ops/console", browser.Driver.Url, StringComparison.Ordinal);
        Assert.Equal("not-a-real-key-5b1e", browser.Driver.ExecuteScript("return sessionStorage.getItem('interview-alerts.ops-key')"));
        // The stylesheet applied (the header's dark band), so the policy let the page's own files through.
        Assert.Equal("rgba(29, 35, 41, 1)", browser.Element("tab-requests").FindElement(By.XPath("ancestor::header")).GetCssValue("background-color"));
        Assert.True(browser.Element("filter-transact-id").Displayed);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
