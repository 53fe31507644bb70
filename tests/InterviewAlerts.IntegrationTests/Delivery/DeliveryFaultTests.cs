using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewAlerts.Core.Delivery;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Paradox.Sandbox.Faults;

namespace InterviewAlerts.IntegrationTests.Delivery;

/// <summary>
/// Each fault Paradox or the platform can throw at a delivery, injected for real (sandbox faults, Azurite,
/// redelivered messages): no accepted request is lost, none reaches Paradox twice, each ends in the right state.
/// </summary>
public sealed class DeliveryFaultTests : IAsyncLifetime
{
    private AdapterHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await AdapterHarness.StartAsync(new Dictionary<string, string?>
    {
        // Waiting out a Retry-After above half a second is the queue's job, not the worker's.
        ["Paradox:MaxInCallRetryAfter"] = "00:00:00.500",
        // Refused credentials space token requests by this much; short, so a fixed secret is picked up quickly.
        ["Paradox:TokenRequestInterval"] = "00:00:00.500",
    });

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Paradox_503_is_retried_within_the_call_and_delivered_once_on_the_first_attempt()
    {
        // 503 proves Paradox did not process the request, so the resilience handler may retry it in-call.
        _harness.SandboxFaults.Add(new FaultRule { Status = 503, Count = 2 });

        var id = await _harness.PostNativeAsync(HarnessRequests.UniqueRequest());
        var final = await _harness.WaitForStateAsync(id, "delivered");

        Assert.Equal(1, _harness.DeliveredCount(id));
        Assert.Equal(1, final.GetProperty("attempts").GetInt32());
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Ambiguous_Paradox_5xx_is_retried_on_the_queue_until_delivered_once(int status)
    {
        _harness.SandboxFaults.Add(new FaultRule { Status = status, Count = 2 });

        var id = await _harness.PostNativeAsync(HarnessRequests.UniqueRequest());
        var final = await _harness.WaitForStateAsync(id, "delivered");

        Assert.Equal(1, _harness.DeliveredCount(id));
        Assert.Equal(3, final.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task Paradox_429_with_a_long_Retry_After_is_rescheduled_then_delivered_once()
    {
        _harness.SandboxFaults.Add(new FaultRule { Status = 429, RetryAfterSeconds = 1, Count = 1 });

        var id = await _harness.PostNativeAsync(HarnessRequests.UniqueRequest());
        var final = await _harness.WaitForStateAsync(id, "delivered");

        Assert.Equal(1, _harness.DeliveredCount(id));
        Assert.Equal(2, final.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task Paradox_timeout_is_retried_and_delivered_once()
    {
        _harness.SandboxFaults.Add(new FaultRule { DelayMilliseconds = 4000, Count = 1 }); // > Paradox:AttemptTimeout (2 s)

        var id = await _harness.PostNativeAsync(HarnessRequests.UniqueRequest());
        var final = await _harness.WaitForStateAsync(id, "delivered");

        Assert.Equal(1, _harness.DeliveredCount(id));
        Assert.Equal(2, final.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task Expired_token_is_refreshed_once_and_the_request_delivered_on_its_first_attempt()
    {
        await _harness.WaitForStateAsync(await _harness.PostNativeAsync(HarnessRequests.UniqueRequest()), "delivered");
        var tokensBefore = _harness.SandboxTokens.IssuedCount;
        _harness.SandboxTokens.ExpireAll();

        var id = await _harness.PostNativeAsync(HarnessRequests.UniqueRequest());
        var final = await _harness.WaitForStateAsync(id, "delivered");

        Assert.Equal(1, _harness.DeliveredCount(id));
        Assert.Equal(1, final.GetProperty("attempts").GetInt32());
        Assert.Equal(tokensBefore + 1, _harness.SandboxTokens.IssuedCount);
    }

    [Fact]
    public async Task Rotated_secret_keeps_the_request_retrying_until_the_new_secret_is_configured_then_delivers_once()
    {
        var sandboxControl = new HttpClient { BaseAddress = _harness.SandboxUrl };
        (await sandboxControl.PutAsJsonAsync("sandbox/account", new { accountId = "sandbox-account", secret = "rotated-secret-2" })).EnsureSuccessStatusCode();
        _harness.SandboxTokens.ExpireAll();

        var id = await _harness.PostNativeAsync(HarnessRequests.UniqueRequest());
        var retrying = await _harness.WaitForStateAsync(id, "retrying");
        Assert.Contains("credentials", retrying.GetProperty("lastError").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, _harness.DeliveredCount(id));

        ((IConfigurationRoot)_harness.Adapter.Configuration)["Paradox:Secret"] = "rotated-secret-2";
        await _harness.WaitForStateAsync(id, "delivered");

        Assert.Equal(1, _harness.DeliveredCount(id));
        (await sandboxControl.PutAsJsonAsync("sandbox/account", new { accountId = "sandbox-account", secret = "sandbox-secret" })).EnsureSuccessStatusCode();
        ((IConfigurationRoot)_harness.Adapter.Configuration)["Paradox:Secret"] = "sandbox-secret";
        _harness.SandboxTokens.ExpireAll();
    }

    [Fact]
    public async Task Message_redelivered_after_Paradox_succeeded_is_not_sent_again()
    {
        var body = HarnessRequests.UniqueRequest();
        var id = await _harness.PostNativeAsync(body);
        await _harness.WaitForStateAsync(id, "delivered");

        // The crash case: the function succeeded at Paradox but the message was never deleted, so it comes back.
        var copy = new DeliveryMessage
        {
            TrackingId = id,
            Caller = AdapterHarness.JsonCaller,
            Source = RequestShape.Native,
            ReceivedAt = DateTimeOffset.UtcNow,
            Body = System.Text.Encoding.UTF8.GetBytes(body),
        };
        await _harness.Queue("interview-alerts").SendMessageAsync(DeliveryMessageSerializer.Serialize(copy));

        await Eventually.ValueAsync(
            () => CapturedLogs.All.FirstOrDefault(l => l.Contains(id, StringComparison.Ordinal) && l.Contains("already Delivered", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30), "the redelivered copy to be skipped");
        Assert.Equal(1, _harness.DeliveredCount(id));
        Assert.Equal("delivered", (await _harness.GetStatusAsync(id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Duplicate_post_returns_the_same_tracking_id_and_reaches_Paradox_once()
    {
        var body = HarnessRequests.UniqueRequest();

        var first = await _harness.PostNativeAsync(body);
        await _harness.WaitForStateAsync(first, "delivered");
        var response = await _harness.Client.PostAsync("api/interview-alerts", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var second = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(first, second.GetProperty("id").GetString());
        Assert.True(second.GetProperty("duplicate").GetBoolean());
        Assert.Equal(1, _harness.DeliveredCount(first));
    }

    [Fact]
    public async Task Paradox_400_is_rejected_and_dead_lettered_with_its_reason_and_never_retried()
    {
        _harness.SandboxFaults.Add(new FaultRule { Status = 400, Count = 1 });

        var id = await _harness.PostNativeAsync(HarnessRequests.UniqueRequest());
        var final = await _harness.WaitForStateAsync(id, "rejected");

        Assert.Equal(1, final.GetProperty("attempts").GetInt32());
        Assert.Equal(400, final.GetProperty("lastHttpStatus").GetInt32());
        Assert.Contains("Injected fault 400", final.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        var deadLetter = await FindDeadLetterAsync(_harness, AdapterHarness.JsonCaller, id);
        Assert.Equal("rejected", deadLetter.GetProperty("state").GetString());
        Assert.Single(deadLetter.GetProperty("message").GetProperty("history").EnumerateArray());
        Assert.Equal(0, _harness.DeliveredCount(id));
    }

    [Fact]
    public async Task Paradox_business_failure_is_rejected_with_Paradox_message_kept()
    {
        _harness.SandboxFaults.Add(new FaultRule { BusinessError = "Candidate is archived", Count = 1 });

        var id = await _harness.PostNativeAsync(HarnessRequests.UniqueRequest());
        var final = await _harness.WaitForStateAsync(id, "rejected");

        Assert.Contains("Candidate is archived", final.GetProperty("lastError").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unprocessable_message_ends_in_the_poison_queue_and_is_recorded_as_a_dead_letter()
    {
        var id = InterviewAlerts.Core.Tracking.TrackingIds.New();
        var broken = new DeliveryMessage { TrackingId = id, Caller = AdapterHarness.JsonCaller, Source = RequestShape.Native, ReceivedAt = DateTimeOffset.UtcNow, BodyBlob = "missing.json" };
        await new InterviewAlerts.Core.Tracking.TableRequestRecordStore(_harness.Records()).UpsertAsync(new InterviewAlerts.Core.Tracking.RequestRecord
        {
            TrackingId = id,
            Caller = AdapterHarness.JsonCaller,
            Source = RequestShape.Native,
            State = InterviewAlerts.Core.Tracking.RequestState.Received,
            ReceivedAt = broken.ReceivedAt,
        }, CancellationToken.None);
        await _harness.Queue("interview-alerts").SendMessageAsync(DeliveryMessageSerializer.Serialize(broken));

        var final = await _harness.WaitForStateAsync(id, "poisoned");

        Assert.Contains("maxDequeueCount", final.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        var deadLetter = await FindDeadLetterAsync(_harness, AdapterHarness.JsonCaller, id);
        Assert.Equal("poisoned", deadLetter.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Large_request_travels_through_blob_storage_and_the_blob_is_removed_after_delivery()
    {
        var pdf = new byte[120_000];
        "%PDF-1.7\n"u8.CopyTo(pdf);
        Array.Fill(pdf, (byte)'a', 9, pdf.Length - 9);
        var resume = Convert.ToBase64String(pdf);

        var id = await _harness.PostNativeAsync(HarnessRequests.UniqueRequest($$"""
            "resume":"{{resume}}"
            """));
        await _harness.WaitForStateAsync(id, "delivered");

        var sent = JsonDocument.Parse(_harness.SandboxRequests.All().Single(r => r.TrackingId == id && r.Status == 200).Body).RootElement;
        Assert.Equal(resume, sent.GetProperty("resume").GetString());
        var container = new Azure.Storage.Blobs.BlobContainerClient(_harness.Azurite.ConnectionString, "interview-alert-payloads");
        Assert.False(await container.GetBlobClient(id + ".json").ExistsAsync());
    }

    /// <summary>The dead letter blob of <paramref name="caller"/>'s request, once it is written.</summary>
    internal static async Task<JsonElement> FindDeadLetterAsync(AdapterHarness harness, string caller, string trackingId) =>
        await Eventually.ValueAsync<object>(async () =>
        {
            var blob = harness.DeadLetters().GetBlobClient($"{caller}/{trackingId}.json");
            if (!await blob.ExistsAsync()) return null;
            return JsonDocument.Parse((await blob.DownloadContentAsync()).Value.Content.ToString()).RootElement.Clone();
        }, TimeSpan.FromSeconds(30), "dead letter " + trackingId) is JsonElement found ? found : default;
}
