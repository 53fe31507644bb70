using System.Text;
using InterviewAlerts.Core.Delivery;
using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Tracking;
using InterviewAlerts.IntegrationTests.Infrastructure;
using Paradox.Sandbox.Faults;

namespace InterviewAlerts.IntegrationTests.Delivery;

/// <summary>
/// Ended requests over real HTTP, Azurite and the sandbox: a dead letter of any size is written whole, a request with an
/// outcome is never sent again (redelivered copies, the poison path), Paradox's text is stored without the request's
/// values, and Paradox receives exactly the bytes ingest rendered.
/// </summary>
public sealed class DeadLetterIntegrityTests : IAsyncLifetime
{
    private AdapterHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await AdapterHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Theory]
    [InlineData(44_000)] // inline in its queue message; the dead letter (body + reason + history) exceeds a queue message's limit
    [InlineData(60_000)] // body in a blob
    public async Task Large_request_declined_with_a_5000_character_reason_reaches_Paradox_once_and_its_dead_letter_keeps_the_whole_reason(int size)
    {
        var reason = "Candidate Zqmarta Zqolsen is blocked: " + string.Join(' ', Enumerable.Repeat("detail", 710));
        _harness.SandboxFaults.Add(new FaultRule { BusinessError = reason, Count = 1 });

        var id = await _harness.PostNativeAsync(HarnessRequests.UniqueRequest(
            $"\"first_name\":\"Zqmarta\",\"last_name\":\"Zqolsen\",\"resume\":\"{Resume(size - 250)}\""));
        var final = await _harness.WaitForStateAsync(id, "rejected");

        var deadLetter = await DeliveryFaultTests.FindDeadLetterAsync(_harness, AdapterHarness.JsonCaller, id);
        Assert.Equal("rejected", deadLetter.GetProperty("state").GetString());
        var kept = deadLetter.GetProperty("reason").GetString()!;
        Assert.True(kept.Length > 5000, kept);
        Assert.StartsWith("Paradox declined the request: Candidate [redacted] [redacted] is blocked: detail detail", kept, StringComparison.Ordinal);
        Assert.EndsWith("detail detail.", kept, StringComparison.Ordinal);
        Assert.Equal(size < 45_000, deadLetter.GetProperty("message").TryGetProperty("body", out _));
        Assert.DoesNotContain("Zqmarta", final.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, _harness.DeliveredCount(id));
        Assert.Empty((await _harness.Queue("interview-alerts-poison").PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task Poisoned_copy_of_a_rejected_request_writes_its_missing_dead_letter_and_sends_nothing()
    {
        var (id, message) = await EndedRequestAsync(RequestState.Rejected);

        await _harness.Queue("interview-alerts-poison").SendMessageAsync(DeliveryMessageSerializer.Serialize(message));

        var deadLetter = await DeliveryFaultTests.FindDeadLetterAsync(_harness, "anonymous", id);
        Assert.Equal("rejected", deadLetter.GetProperty("state").GetString());
        Assert.Equal("Paradox declined the request: no.", deadLetter.GetProperty("reason").GetString());
        Assert.Equal("rejected", (await _harness.GetStatusAsync(id)).GetProperty("state").GetString());
        Assert.DoesNotContain(_harness.SandboxRequests.All(), r => r.TrackingId == id);
    }

    [Fact]
    public async Task Redelivered_copy_of_an_expired_request_without_its_dead_letter_writes_it_once_and_sends_nothing()
    {
        var (id, message) = await EndedRequestAsync(RequestState.Expired);

        await _harness.Queue("interview-alerts").SendMessageAsync(DeliveryMessageSerializer.Serialize(message));
        var deadLetter = await DeliveryFaultTests.FindDeadLetterAsync(_harness, "anonymous", id);
        Assert.Equal("expired", deadLetter.GetProperty("state").GetString());
        var firstWrite = (await _harness.DeadLetters().GetBlobClient($"anonymous/{id}.json").GetPropertiesAsync()).Value.ETag;

        // A further copy finds the dead letter noted on the record: skipped, no second dead letter.
        await _harness.Queue("interview-alerts").SendMessageAsync(DeliveryMessageSerializer.Serialize(message));
        await Eventually.ValueAsync(
            () => CapturedLogs.All.FirstOrDefault(l => l.Contains(id, StringComparison.Ordinal) && l.Contains("already Expired", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30), "the second copy to be skipped");
        Assert.Equal(firstWrite, (await _harness.DeadLetters().GetBlobClient($"anonymous/{id}.json").GetPropertiesAsync()).Value.ETag);
        Assert.Single(await BlobNamesAsync(), name => name.Contains(id, StringComparison.Ordinal));
        Assert.DoesNotContain(_harness.SandboxRequests.All(), r => r.TrackingId == id);
    }

    [Fact]
    public async Task Paradox_receives_exactly_the_bytes_ingest_rendered()
    {
        var json = HarnessRequests.UniqueRequest("\"first_name\":\"Zoë \\\"Zo\\\" Łukasz\",\"interviewer_emails\":[\"ana+hr@example.com\"],\"timezone\":\"Europe/Berlin\"");
        var expected = new RequestInterpreter().Interpret("application/json", Encoding.UTF8.GetBytes(json)).Request!.ToParadoxUtf8();

        var id = await _harness.PostNativeAsync(json);
        await _harness.WaitForStateAsync(id, "delivered");

        var received = _harness.SandboxRequests.All().Single(r => r.TrackingId == id && r.Status == 200);
        Assert.Equal(expected, Encoding.UTF8.GetBytes(received.Body));
    }

    /// <summary>A request whose record ended (state, reason) while its dead letter was never written, and a copy of its message.</summary>
    private async Task<(string Id, DeliveryMessage Message)> EndedRequestAsync(RequestState state)
    {
        var id = TrackingIds.New();
        var message = new DeliveryMessage
        {
            TrackingId = id,
            Caller = "anonymous",
            Source = RequestShape.Native,
            ReceivedAt = DateTimeOffset.UtcNow,
            Body = Encoding.UTF8.GetBytes(HarnessRequests.UniqueRequest()),
        };
        await new TableRequestRecordStore(_harness.Records()).UpsertAsync(new RequestRecord
        {
            TrackingId = id,
            Caller = "anonymous",
            Source = RequestShape.Native,
            State = state,
            ReceivedAt = message.ReceivedAt,
            UpdatedAt = message.ReceivedAt,
            Attempts = 1,
            LastError = "Paradox declined the request: no.",
            LastHttpStatus = 200,
        }, CancellationToken.None);
        return (id, message);
    }

    private async Task<List<string>> BlobNamesAsync()
    {
        var names = new List<string>();
        await foreach (var blob in _harness.DeadLetters().GetBlobsAsync()) names.Add(blob.Name);
        return names;
    }

    /// <summary>A base64 PDF of about <paramref name="length"/> characters.</summary>
    private static string Resume(int length)
    {
        var pdf = new byte[length / 4 * 3];
        "%PDF-1.7\n"u8.CopyTo(pdf);
        Array.Fill(pdf, (byte)'a', 9, pdf.Length - 9);
        return Convert.ToBase64String(pdf);
    }
}
