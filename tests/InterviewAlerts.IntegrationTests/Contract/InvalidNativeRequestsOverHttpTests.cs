using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using InterviewAlerts.IntegrationTests.Infrastructure;

namespace InterviewAlerts.IntegrationTests.Contract;

/// <summary>Shares one adapter whose queue trigger is off, so the queue shows exactly what ingest wrote.</summary>
public sealed class QueueInspectionFixture : IAsyncLifetime
{
    public AdapterHarness Harness { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Harness = await AdapterHarness.StartAsync(new Dictionary<string, string?> { ["LocalRunner:DisableQueueTriggers"] = "true" });

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}

/// <summary>Every invalid case of the native corpus, over real HTTP: a specific 4xx naming the field, never 5xx, nothing queued.</summary>
public sealed class InvalidNativeRequestsOverHttpTests(QueueInspectionFixture fixture) : IClassFixture<QueueInspectionFixture>
{
    public static TheoryData<string> Cases => NativeCases.Names(valid: false);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Invalid_request_is_refused_naming_the_field_and_nothing_is_queued(string name)
    {
        var testCase = NativeCases.Get(name);
        using var content = new ByteArrayContent(testCase.Bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await fixture.Harness.Client.PostAsync("api/interview-alerts", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var named = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.All(testCase.Fields, field => Assert.Contains(field, named));
        Assert.Empty((await fixture.Harness.Queue("interview-alerts").PeekMessagesAsync(32)).Value);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("image/png")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task Unsupported_media_type_gets_415(string contentType)
    {
        using var content = new ByteArrayContent("""{"ex_id":"C-1","interview_duration":30,"interview_type":2}"""u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await fixture.Harness.Client.PostAsync("api/interview-alerts", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Content-Type", problem.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Empty((await fixture.Harness.Queue("interview-alerts").PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task Body_over_16_MiB_gets_413()
    {
        var huge = new byte[(16 * 1024 * 1024) + 10];
        Array.Fill(huge, (byte)' ');
        huge[0] = (byte)'{';
        huge[^1] = (byte)'}';
        using var content = new ByteArrayContent(huge);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await fixture.Harness.Client.PostAsync("api/interview-alerts", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("too_large", problem.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Empty((await fixture.Harness.Queue("interview-alerts").PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task Dry_run_returns_the_exact_Paradox_request_and_queues_nothing()
    {
        using var content = new StringContent("""{"ex_id":" C-9 ","interview_duration":"45","interview_type":"Phone Interview","action":"RESCHEDULE","x_extra":[1]}""",
            System.Text.Encoding.UTF8, "application/json");

        var response = await fixture.Harness.Client.PostAsync("api/interview-alerts/validate", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(answer.GetProperty("valid").GetBoolean());
        Assert.Equal("""{"ex_id":"C-9","action":"reschedule","interview_duration":45,"interview_type":2,"x_extra":[1]}""",
            answer.GetProperty("paradoxRequest").GetRawText());
        Assert.Empty((await fixture.Harness.Queue("interview-alerts").PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task Dry_run_lists_every_problem()
    {
        using var content = new StringContent("""{"interview_duration":1,"interview_type":"Tea Party"}""", System.Text.Encoding.UTF8, "application/json");

        var response = await fixture.Harness.Client.PostAsync("api/interview-alerts/validate", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(answer.GetProperty("valid").GetBoolean());
        var fields = answer.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Contains("interview_duration", fields);
        Assert.Contains("interview_type", fields);
    }
}
