using System.Text.Json.Nodes;
using InterviewAlerts.Core.Paradox;
using InterviewAlerts.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Paradox.Sandbox.Contract;
using Paradox.Sandbox.Faults;

namespace InterviewAlerts.IntegrationTests.Paradox;

/// <summary>
/// The real <see cref="ParadoxClient"/> with the production resilience pipeline against the sandbox on loopback:
/// every kind of answer Paradox can give is classified, and in-call retries happen only where they must.
/// </summary>
public sealed class ParadoxClientTests
{
    [Fact]
    public async Task A_valid_request_is_Delivered_with_the_candidate_OID_Paradox_assigned()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        using var adapter = ParadoxAdapter.Build(sandbox.Url);

        var outcome = await adapter.SendAsync("IA-DELIVERED", ParadoxAdapter.ValidBody("C-42"));

        Assert.Equal(ParadoxOutcomeKind.Delivered, outcome.Kind);
        Assert.Equal(200, outcome.HttpStatus);
        var recorded = Assert.Single(sandbox.Log.All());
        Assert.Equal(100000 + recorded.Sequence, outcome.CandidateOid);
        Assert.Equal("IA-DELIVERED", recorded.TrackingId);
        Assert.Equal("C-42", JsonNode.Parse(recorded.Body)!["ex_id"]!.GetValue<string>());
        Assert.True(sandbox.Tokens.IsValid(recorded.BearerToken));
    }

    [Fact]
    public async Task A_business_failure_with_HTTP_200_is_Rejected_and_keeps_Paradox_message()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        using var adapter = ParadoxAdapter.Build(sandbox.Url);
        sandbox.Faults.Add(new FaultRule { BusinessError = "Candidate C-1 is archived and cannot be scheduled" });

        var outcome = await adapter.SendAsync("IA-BUSINESS");

        Assert.Equal(ParadoxOutcomeKind.Rejected, outcome.Kind);
        Assert.Equal(200, outcome.HttpStatus);
        Assert.Contains("Candidate C-1 is archived and cannot be scheduled", outcome.Detail, StringComparison.Ordinal);
        Assert.True(outcome.IsPermanentFailure);
        Assert.Null(outcome.CandidateOid);
    }

    [Fact]
    public async Task A_body_the_contract_refuses_is_Rejected_with_Paradox_field_errors()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        using var adapter = ParadoxAdapter.Build(sandbox.Url);
        var body = ParadoxAdapter.ValidBody();
        body["interview_duration"] = "30";

        var outcome = await adapter.SendAsync("IA-INVALID", body);

        Assert.Equal(ParadoxOutcomeKind.Rejected, outcome.Kind);
        Assert.Equal(400, outcome.HttpStatus);
        var error = Assert.Single(outcome.Errors!);
        Assert.Equal((ParadoxContract.WrongType, "interview_duration"), (error.Code, error.Field));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.Contains("interview_duration", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(400, Assert.Single(sandbox.InterviewAlertArrivals).Status);
    }

    [Theory]
    [InlineData(409, "conflicting with the candidate's or interview's current state (HTTP 409)")]
    [InlineData(413, "too large (HTTP 413)")]
    public async Task Conflict_and_too_large_are_Rejected_with_reasons_of_their_own(int status, string reason)
    {
        await using var sandbox = await SandboxHost.StartAsync();
        using var adapter = ParadoxAdapter.Build(sandbox.Url);
        sandbox.Faults.Add(new FaultRule { Status = status, Count = 5 });

        var outcome = await adapter.SendAsync("IA-" + status);

        Assert.Equal(ParadoxOutcomeKind.Rejected, outcome.Kind);
        Assert.Equal(status, outcome.HttpStatus);
        Assert.Contains(reason, outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(status, Assert.Single(sandbox.InterviewAlertArrivals).Status);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    public async Task Forbidden_or_not_found_is_a_ConfigurationError_and_is_not_retried(int status)
    {
        await using var sandbox = await SandboxHost.StartAsync();
        using var adapter = ParadoxAdapter.Build(sandbox.Url);
        sandbox.Faults.Add(new FaultRule { Status = status, Count = 5 });

        var outcome = await adapter.SendAsync("IA-CONFIG");

        Assert.Equal(ParadoxOutcomeKind.ConfigurationError, outcome.Kind);
        Assert.Equal(status, outcome.HttpStatus);
        Assert.True(outcome.IsPermanentFailure);
        Assert.Equal(status, Assert.Single(sandbox.InterviewAlertArrivals).Status);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Ambiguous_failures_are_Transient_and_not_retried_in_call_because_Paradox_may_have_processed_them(int status)
    {
        await using var sandbox = await SandboxHost.StartAsync();
        using var adapter = ParadoxAdapter.Build(sandbox.Url);
        sandbox.Faults.Add(new FaultRule { Status = status, Count = 5 });

        var outcome = await adapter.SendAsync("IA-AMBIGUOUS");

        Assert.Equal(ParadoxOutcomeKind.Transient, outcome.Kind);
        Assert.Equal(status, outcome.HttpStatus);
        Assert.False(outcome.IsPermanentFailure);
        Assert.Equal(status, Assert.Single(sandbox.InterviewAlertArrivals).Status);
        Assert.Empty(sandbox.Log.All());
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task A_long_Retry_After_is_not_waited_out_in_call_and_comes_back_Transient_with_the_delay(int status)
    {
        await using var sandbox = await SandboxHost.StartAsync();
        using var adapter = ParadoxAdapter.Build(sandbox.Url);
        sandbox.Faults.Add(new FaultRule { Status = status, RetryAfterSeconds = 120, Count = 5 });

        var outcome = await adapter.SendAsync("IA-LONG-WAIT");

        Assert.Equal(ParadoxOutcomeKind.Transient, outcome.Kind);
        Assert.Equal(status, outcome.HttpStatus);
        Assert.Equal(TimeSpan.FromSeconds(120), outcome.RetryAfter);
        Assert.Single(sandbox.InterviewAlertArrivals);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task A_short_Retry_After_is_waited_out_in_call_and_the_retry_is_Delivered(int status)
    {
        await using var sandbox = await SandboxHost.StartAsync();
        using var adapter = ParadoxAdapter.Build(sandbox.Url);
        sandbox.Faults.Add(new FaultRule { Status = status, RetryAfterSeconds = 1 });

        var outcome = await adapter.SendAsync("IA-SHORT-WAIT");

        Assert.Equal(ParadoxOutcomeKind.Delivered, outcome.Kind);
        Assert.Equal([status, 200], sandbox.InterviewAlertArrivals.Select(a => a.Status));
        Assert.Equal("IA-SHORT-WAIT", Assert.Single(sandbox.Log.All()).TrackingId);
    }

    [Fact]
    public async Task A_503_that_outlasts_the_in_call_retries_comes_back_Transient_after_one_plus_InCallRetries_attempts()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        using var adapter = ParadoxAdapter.Build(sandbox.Url, o => o.InCallRetries = 1);
        sandbox.Faults.Add(new FaultRule { Status = 503, RetryAfterSeconds = 1, Count = 5 });

        var outcome = await adapter.SendAsync("IA-STILL-DOWN");

        Assert.Equal(ParadoxOutcomeKind.Transient, outcome.Kind);
        Assert.Equal(503, outcome.HttpStatus);
        Assert.Equal(TimeSpan.FromSeconds(1), outcome.RetryAfter);
        Assert.Equal([503, 503], sandbox.InterviewAlertArrivals.Select(a => a.Status));
    }

    [Fact]
    public async Task An_answer_slower_than_AttemptTimeout_is_Transient_and_the_sandbox_processed_nothing()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        using var adapter = ParadoxAdapter.Build(sandbox.Url, o => o.AttemptTimeout = TimeSpan.FromSeconds(1));
        sandbox.Faults.Add(new FaultRule { DelayMilliseconds = 10_000 });

        var outcome = await adapter.SendAsync("IA-SLOW");

        Assert.Equal(ParadoxOutcomeKind.Transient, outcome.Kind);
        Assert.Null(outcome.HttpStatus);
        Assert.Contains("did not answer within 1 s", outcome.Detail, StringComparison.Ordinal);

        // Wait for the sandbox to finish the abandoned request: it was aborted, not processed late, and not retried.
        var arrival = Assert.Single(await sandbox.WaitForArrivalsAsync(SandboxHostPaths.InterviewAlerts, 1));
        Assert.True(arrival.Aborted);
        Assert.Empty(sandbox.Log.All());
    }

    [Fact]
    public async Task Connection_refused_on_the_PUT_is_Transient()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        using var adapter = ParadoxAdapter.Build(sandbox.Url, o => o.InCallRetries = 1);
        Assert.Equal(ParadoxOutcomeKind.Delivered, (await adapter.SendAsync("IA-BEFORE")).Kind);

        // The token is cached; now Paradox stops listening.
        adapter.GetRequiredService<IOptions<ParadoxOptions>>().Value.BaseUrl = $"http://127.0.0.1:{FreePort.Next()}/";
        var outcome = await adapter.SendAsync("IA-REFUSED");

        Assert.Equal(ParadoxOutcomeKind.Transient, outcome.Kind);
        Assert.Null(outcome.HttpStatus);
        Assert.Contains("ConnectionError", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(1, adapter.TokenProvider().TokenRequests);
    }

    [Fact]
    public async Task Connection_refused_on_the_token_request_is_Transient()
    {
        using var adapter = ParadoxAdapter.Build(new Uri($"http://127.0.0.1:{FreePort.Next()}/"), o => o.InCallRetries = 1);

        var outcome = await adapter.SendAsync("IA-NO-PARADOX");

        Assert.Equal(ParadoxOutcomeKind.Transient, outcome.Kind);
        Assert.Contains("ConnectionError", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(1, adapter.TokenProvider().TokenRequests);
    }

    [Fact]
    public async Task A_token_request_slower_than_AttemptTimeout_is_given_up_and_the_delivery_is_Transient()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        using var adapter = ParadoxAdapter.Build(sandbox.Url, o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(1);
            o.InCallRetries = 1;
        });
        sandbox.Faults.Add(new FaultRule { Target = FaultTarget.Token, DelayMilliseconds = 10_000, Count = 2 });

        var outcome = await adapter.SendAsync("IA-SLOW-TOKEN");

        Assert.Equal(ParadoxOutcomeKind.Transient, outcome.Kind);
        var attempts = await sandbox.WaitForArrivalsAsync(SandboxHostPaths.Token, 2);
        Assert.All(attempts, a => Assert.True(a.Aborted));
        Assert.Equal(0, sandbox.Tokens.IssuedCount);
        Assert.Empty(sandbox.InterviewAlertArrivals);
    }

    [Fact]
    public async Task A_token_request_answered_503_is_retried_in_call_and_the_delivery_goes_through()
    {
        await using var sandbox = await SandboxHost.StartAsync();
        using var adapter = ParadoxAdapter.Build(sandbox.Url);
        sandbox.Faults.Add(new FaultRule { Target = FaultTarget.Token, Status = 503, RetryAfterSeconds = 1 });

        var outcome = await adapter.SendAsync("IA-TOKEN-503");

        Assert.Equal(ParadoxOutcomeKind.Delivered, outcome.Kind);
        Assert.Equal([503, 200], sandbox.TokenArrivals.Select(a => a.Status));
        Assert.Equal(1, sandbox.Tokens.IssuedCount);
    }
}
