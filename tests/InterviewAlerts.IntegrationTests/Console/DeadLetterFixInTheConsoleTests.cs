using System.Net;
using System.Text.RegularExpressions;
using InterviewAlerts.IntegrationTests.BrassRing;
using InterviewAlerts.IntegrationTests.Infrastructure;
using OpenQA.Selenium;
using Paradox.Sandbox.Faults;

namespace InterviewAlerts.IntegrationTests.Console;

/// <summary>
/// An operator in a real headless Chromium, against the whole adapter (local runner, Azurite, the Paradox sandbox):
/// finds a BrassRing request Paradox declined by its TransactId, reads why, replays it once the cause is gone and
/// sees it delivered; finds an export refused at ingest by its TransactId and reads its reasons. Screenshots of both
/// screen sizes go to artifacts/console.
/// </summary>
public sealed partial class DeadLetterFixInTheConsoleTests : IAsyncLifetime
{
    private const string ParadoxReason = "Requisition is closed for scheduling";

    private AdapterHarness _harness = null!;
    private ConsoleBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _harness = await AdapterHarness.StartAsync();
        _browser = ConsoleBrowser.Start();
    }

    public async Task DisposeAsync()
    {
        _browser.Dispose();
        await _harness.DisposeAsync();
    }

    [Fact]
    public async Task Operator_finds_a_declined_BrassRing_request_by_TransactId_reads_why_replays_it_after_the_fix_and_reads_why_an_export_was_refused()
    {
        // Paradox declines every request until the cause is fixed.
        _harness.SandboxFaults.Add(new FaultRule { BusinessError = ParadoxReason, Count = 10_000 });
        var candidateId = BrassRingEnvelopes.NewCandidateId();
        var transactId = "TX" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var trackingId = await PostAcceptedAsync(transactId, BrassRingEnvelopes.Candidate("1", candidateId));
        await _harness.WaitForStateAsync(trackingId, "rejected");

        OpenConsole();
        _browser.Viewport(1280, 800);
        SearchByTransactId(transactId);
        var found = _browser.WaitForText(By.CssSelector("#results tbody"), trackingId);
        Assert.Contains("rejected", found, StringComparison.Ordinal);
        Assert.Contains("paradox_declined", found, StringComparison.Ordinal);
        Assert.Contains(BrassRingEnvelopes.Manifest, found, StringComparison.Ordinal);

        // Read why.
        _browser.Driver.FindElement(By.CssSelector($"#results button[aria-label='Open request {trackingId}']")).Click();
        Assert.Contains(ParadoxReason, _browser.WaitForText(By.Id("dead-letter-reason"), ParadoxReason), StringComparison.Ordinal);
        Assert.Equal("paradox_declined", _browser.Element("dead-letter-code").Text);
        var facts = _browser.Element("detail-facts").Text;
        Assert.Contains(transactId, facts, StringComparison.Ordinal);
        Assert.Contains(AdapterHarness.BrassRingUser, facts, StringComparison.Ordinal);
        Assert.Contains("brassring", facts, StringComparison.Ordinal);
        var attempts = _browser.Element("history-table").Text;
        Assert.Contains(ParadoxReason, attempts, StringComparison.Ordinal);
        Assert.Contains("200", attempts, StringComparison.Ordinal); // Paradox answers a business failure with HTTP 200, success 0
        _browser.Screenshot("console-dead-letter-1280x800");

        // The same request among the dead letters, grouped by reason.
        _browser.Element("tab-dead-letters").Click();
        var group = _browser.WaitForText(By.CssSelector("#dead-letter-groups section[data-reason-code='paradox_declined']"), trackingId);
        Assert.Contains("Replay all 1", group, StringComparison.Ordinal);
        _browser.Screenshot("console-dead-letters-1280x800");
        _browser.Element("tab-requests").Click();

        // The cause is gone: replay from the request's page, and watch it arrive. (The sandbox logs a decline, an
        // HTTP 200 with success 0, like an acceptance: the replay adds exactly one more.)
        var declined = _harness.DeliveredCount(trackingId);
        _harness.SandboxFaults.Clear();
        _browser.Visible("detail-replay").Click();
        _browser.WaitForText(By.Id("notice"), "Replayed 1; already delivered 0; not found 0.");
        _browser.WaitForText(By.CssSelector("#detail-facts .badge"), "delivered");
        await _harness.WaitForParadoxAsync(trackingId, declined + 1);
        Assert.Equal(declined + 1, _harness.DeliveredCount(trackingId));
        Assert.False(_browser.Element("detail-dead-letter").Displayed, "the dead letter is gone once replayed");
        Assert.Equal("1", _browser.WaitForText(By.XPath("//dl[@id='detail-facts']/dt[.='Replays']/following-sibling::dd[1]"), "1"));

        // An export refused at ingest: found by its TransactId, with its reasons.
        var refusedTransactId = "TX" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        await PostRefusedAsync(refusedTransactId, BrassRingEnvelopes.Candidate("7", BrassRingEnvelopes.NewCandidateId(), valid: false));
        SearchByTransactId(refusedTransactId);
        var refused = _browser.WaitForText(By.CssSelector("#results tbody"), "refused");
        Assert.Contains(refusedTransactId, refused, StringComparison.Ordinal);
        _browser.Driver.FindElement(By.CssSelector("#results tbody button.link")).Click();
        var problems = _browser.WaitForText(By.Id("problems-table"), "interview_duration");
        Assert.False(_browser.Element("detail-dead-letter").Displayed, "a refused request has no dead letter");
        Assert.Contains("405", _browser.Element("detail-facts").Text, StringComparison.Ordinal);
        Assert.Contains(refusedTransactId, _browser.Element("detail-facts").Text, StringComparison.Ordinal);
        Assert.NotEmpty(problems);
        _browser.Screenshot("console-refused-1280x800");

        // A phone: the same request as stacked cards, nothing wider than the screen.
        _browser.Viewport(390, 844, mobile: true);
        _browser.Wait.Until(d => ((IJavaScriptExecutor)d).ExecuteScript("return innerWidth") is 390L);
        Assert.Equal(390L, _browser.Driver.ExecuteScript("return document.documentElement.scrollWidth"));
        Assert.Equal("block", _browser.Driver.FindElement(By.CssSelector("#problems-table tbody tr")).GetCssValue("display"));
        Assert.Equal("Refused at ingest: never sent to Paradox.", _browser.Element("history-empty").Text);
        _browser.Driver.ExecuteScript("document.getElementById('detail-view').scrollIntoView()");
        _browser.Screenshot("console-refused-390x844");
        _browser.Element("detail-close").Click();
        SearchByTransactId(transactId);
        _browser.WaitForText(By.CssSelector("#results tbody"), "delivered");
        Assert.Equal(390L, _browser.Driver.ExecuteScript("return document.documentElement.scrollWidth"));
        _browser.Screenshot("console-search-390x844");

        // Nothing personal on the page: the candidate's id and e-mail were never shown.
        Assert.DoesNotContain(candidateId, _browser.Driver.PageSource, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Operator_discards_a_selected_dead_letter_and_replays_all_the_others_of_its_reason()
    {
        _harness.SandboxFaults.Add(new FaultRule { BusinessError = ParadoxReason, Count = 10_000 });
        var discarded = await _harness.PostNativeAsync(HarnessRequests.UniqueRequest());
        var replayed = await _harness.PostNativeAsync(HarnessRequests.UniqueRequest());
        await _harness.WaitForStateAsync(discarded, "rejected");
        await _harness.WaitForStateAsync(replayed, "rejected");

        OpenConsole();
        _browser.Element("tab-dead-letters").Click();
        var declined = By.CssSelector("#dead-letter-groups section[data-reason-code='paradox_declined']");
        var group = _browser.WaitForText(declined, "Replay all 2");
        Assert.Contains(discarded, group, StringComparison.Ordinal);
        Assert.Contains(replayed, group, StringComparison.Ordinal);

        // Discard one, chosen by its checkbox.
        _browser.Driver.FindElement(By.CssSelector($"input[aria-label='Select {discarded}']")).Click();
        _browser.Visible("discard-selected").Click();
        Assert.Equal("Discard 1 dead letter? A discarded dead letter cannot be replayed.", _browser.AcceptConfirmation());
        _browser.WaitForText(By.Id("notice"), "Discarded 1; not found 0.");
        Assert.DoesNotContain(discarded, _browser.WaitForText(declined, "Replay all 1"), StringComparison.Ordinal);

        // The cause is gone: replay everything left of the reason. (Declines are logged by the sandbox like acceptances.)
        var discardedAtSandbox = _harness.DeliveredCount(discarded);
        var replayedAtSandbox = _harness.DeliveredCount(replayed);
        _harness.SandboxFaults.Clear();
        _browser.Driver.FindElement(By.CssSelector("#dead-letter-groups section[data-reason-code='paradox_declined'] .group-replay")).Click();
        Assert.Equal("Replay all 1 dead letter of paradox_declined?", _browser.AcceptConfirmation());
        _browser.WaitForText(By.Id("notice"), "Replayed 1; already delivered 0; not found 0.");
        _browser.WaitForText(By.Id("dead-letter-summary"), "No dead letter is held.");
        await _harness.WaitForParadoxAsync(replayed, replayedAtSandbox + 1);
        Assert.Equal(discardedAtSandbox, _harness.DeliveredCount(discarded));

        // The discarded request stays findable, in its own state.
        _browser.Element("tab-requests").Click();
        _browser.Driver.FindElement(By.CssSelector("#search-form button[type='reset']")).Click();
        _browser.Fill("filter-tracking-id", discarded);
        _browser.Element("search").Click();
        Assert.Contains("discarded", _browser.WaitForText(By.CssSelector("#results tbody"), discarded), StringComparison.Ordinal);
    }

    private void OpenConsole()
    {
        _browser.Driver.Navigate().GoToUrl(new Uri(_harness.AdapterUrl, "api/ops/console?code=local-runner-needs-no-key"));
        _browser.Wait.Until(d => d.FindElement(By.TagName("body")).GetDomAttribute("data-ready") == "true");
    }

    private void SearchByTransactId(string transactId)
    {
        _browser.Driver.FindElement(By.CssSelector("#search-form button[type='reset']")).Click();
        _browser.Fill("filter-transact-id", transactId);
        _browser.Element("search").Click();
    }

    private async Task<string> PostAcceptedAsync(string transactId, string packet)
    {
        var (status, xml) = await BrassRingOverHttpTests.PostAsync(_harness, BrassRingEnvelopes.Envelope(transactId, packet), "text/xml", AdapterHarness.BrassRingBasic);
        Assert.Equal(HttpStatusCode.OK, status);
        var answer = Assert.Single(BrassRingEnvelopes.PacketStatuses(xml));
        Assert.Equal(200, answer.Code);
        return TrackingId().Match(answer.LongDescription).Value;
    }

    private async Task PostRefusedAsync(string transactId, string packet)
    {
        var (_, xml) = await BrassRingOverHttpTests.PostAsync(_harness, BrassRingEnvelopes.Envelope(transactId, packet), "text/xml", AdapterHarness.BrassRingBasic);
        Assert.Equal(405, Assert.Single(BrassRingEnvelopes.PacketStatuses(xml)).Code);
    }

    [GeneratedRegex("ia_[0-9a-z]{26}")]
    private static partial Regex TrackingId();
}
