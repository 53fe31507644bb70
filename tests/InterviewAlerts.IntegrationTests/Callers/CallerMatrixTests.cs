using InterviewAlerts.IntegrationTests.Infrastructure;
using static InterviewAlerts.IntegrationTests.Callers.CallerMatrix;

namespace InterviewAlerts.IntegrationTests.Callers;

/// <summary>
/// Who gets what, over real HTTP: every caller kind × endpoint × kind of credential, and the HTTP status it must get.
/// "Another caller's" credentials authenticate, but as a caller that may not do this (403) or does not own the record (404).
/// </summary>
public sealed class CallerMatrixTests(CallerMatrixFixture fixture) : IClassFixture<CallerMatrixFixture>
{
    private const string IngestPath = "api/interview-alerts";
    private const string ValidatePath = "api/interview-alerts/validate";

    public static TheoryData<string, string, string, int> Matrix => new()
    {
        // caller,     endpoint,   credentials, HTTP status
        { BrassRingUser, "ingest", None, 401 },
        { BrassRingUser, "ingest", Wrong, 401 },
        { BrassRingUser, "ingest", Anothers, 403 },
        { BrassRingUser, "ingest", Right, 200 },
        { BrassRingUser, "ingest", Previous, 200 },
        { BrassRingUser, "validate", None, 401 },
        { BrassRingUser, "validate", Wrong, 401 },
        { BrassRingUser, "validate", Anothers, 403 },
        { BrassRingUser, "validate", Right, 200 },
        { BrassRingUser, "validate", Previous, 200 },
        { BrassRingUser, "status", None, 401 },
        { BrassRingUser, "status", Wrong, 401 },
        { BrassRingUser, "status", Anothers, 404 },
        { BrassRingUser, "status", Right, 200 },
        { BrassRingUser, "status", Previous, 200 },

        { Signing, "ingest", None, 401 },
        { Signing, "ingest", Wrong, 401 },
        { Signing, "ingest", Anothers, 403 },
        { Signing, "ingest", Right, 202 },
        { Signing, "ingest", Previous, 202 },
        { Signing, "ingest", Replayed, 401 },
        { Signing, "ingest", Stale, 401 },
        { Signing, "validate", None, 401 },
        { Signing, "validate", Wrong, 401 },
        { Signing, "validate", Anothers, 403 },
        { Signing, "validate", Right, 200 },
        { Signing, "validate", Previous, 200 },
        { Signing, "validate", Replayed, 401 },
        { Signing, "validate", Stale, 401 },
        { Signing, "status", None, 401 },
        { Signing, "status", Wrong, 401 },
        { Signing, "status", Anothers, 404 },
        { Signing, "status", Right, 200 },
        { Signing, "status", Previous, 200 },
        { Signing, "status", Replayed, 401 },
        { Signing, "status", Stale, 401 },

        { Secret, "ingest", None, 401 },
        { Secret, "ingest", Wrong, 401 },
        { Secret, "ingest", Anothers, 403 },
        { Secret, "ingest", Right, 202 },
        { Secret, "ingest", Previous, 202 },
        { Secret, "validate", None, 401 },
        { Secret, "validate", Wrong, 401 },
        { Secret, "validate", Anothers, 403 },
        { Secret, "validate", Right, 200 },
        { Secret, "validate", Previous, 200 },
        { Secret, "status", None, 401 },
        { Secret, "status", Wrong, 401 },
        { Secret, "status", Anothers, 404 },
        { Secret, "status", Right, 200 },
        { Secret, "status", Previous, 200 },

        // The operator sends nothing, and reads every caller's requests (here: the BrassRing user's).
        { Operator, "ingest", Right, 403 },
        { Operator, "validate", Right, 403 },
        { Operator, "status", None, 401 },
        { Operator, "status", Wrong, 401 },
        { Operator, "status", Anothers, 404 },
        { Operator, "status", Right, 200 },
        { Operator, "status", Previous, 200 },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_caller_gets_exactly_its_answer(string caller, string endpoint, string credentials, int expected)
    {
        using var request = endpoint switch
        {
            "ingest" => CallerMatrix.Ingest(caller, IngestPath, credentials == Replayed ? Right : credentials),
            "validate" => CallerMatrix.Ingest(caller, ValidatePath, credentials == Replayed ? Right : credentials),
            _ => Status(caller, fixture.SentBy[caller == Operator ? BrassRingUser : caller], credentials == Replayed ? Right : credentials),
        };
        if (credentials == Replayed) await SendFirstCopyAsync(request);

        using var response = await fixture.Harness.AnonymousClient.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(expected == (int)response.StatusCode, $"{caller} {endpoint} with {credentials}: HTTP {(int)response.StatusCode}: {text}");
        if (expected >= 400)
        {
            // BrassRing's own endpoint answers in its envelope; everything else in problem+json.
            var mediaType = caller == BrassRingUser && endpoint == "ingest" ? "application/xml" : "application/problem+json";
            Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        }

        if (expected == 401) Assert.NotEmpty(response.Headers.WwwAuthenticate);
        if (endpoint == "status" && expected == 200) Assert.Contains(fixture.SentBy[caller == Operator ? BrassRingUser : caller], text, StringComparison.Ordinal);
        if (endpoint == "validate") Assert.DoesNotContain("mapping", text, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Sends an identical copy first (same webhook-id, timestamp and signature): the one the replay repeats.</summary>
    private async Task SendFirstCopyAsync(HttpRequestMessage replay)
    {
        using var first = new HttpRequestMessage(replay.Method, replay.RequestUri);
        foreach (var header in replay.Headers) first.Headers.TryAddWithoutValidation(header.Key, header.Value);
        if (replay.Content is not null)
        {
            first.Content = new ByteArrayContent(await replay.Content.ReadAsByteArrayAsync());
            first.Content.Headers.ContentType = replay.Content.Headers.ContentType;
        }

        using var response = await fixture.Harness.AnonymousClient.SendAsync(first);
        Assert.True(response.IsSuccessStatusCode, $"first copy: HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
