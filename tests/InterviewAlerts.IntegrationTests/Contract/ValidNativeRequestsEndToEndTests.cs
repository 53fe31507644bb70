using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using InterviewAlerts.Core.Paradox;
using InterviewAlerts.Core.Requests;
using InterviewAlerts.IntegrationTests.Infrastructure;

namespace InterviewAlerts.IntegrationTests.Contract;

public sealed class DeliveringAdapterFixture : IAsyncLifetime
{
    public AdapterHarness Harness { get; private set; } = null!;

    public async Task InitializeAsync() => Harness = await AdapterHarness.StartAsync();

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}

/// <summary>
/// Every valid case of the native corpus, end to end: accepted with 202, delivered, accepted by the sandbox's
/// independent contract check (so every field arrives with the JSON type Paradox documents), and every
/// unknown field equal in value to what was posted.
/// </summary>
public sealed class ValidNativeRequestsEndToEndTests(DeliveringAdapterFixture fixture) : IClassFixture<DeliveringAdapterFixture>
{
    public static TheoryData<string> Cases => NativeCases.Names(valid: true);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Valid_request_reaches_Paradox_as_its_contract_expects(string name)
    {
        var testCase = NativeCases.Get(name);
        using var content = new ByteArrayContent(testCase.Bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await fixture.Harness.Client.PostAsync("api/interview-alerts", content);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var delivered = (await fixture.Harness.WaitForParadoxAsync(id))[0];
        var sent = JsonNode.Parse(delivered.Body)!.AsObject();

        if (testCase.Paradox is { } expected) Assert.True(JsonNode.DeepEquals(expected, sent), $"expected {expected.ToJsonString()}, sent {sent.ToJsonString()}");
        foreach (var (field, value) in testCase.Body ?? [])
        {
            if (FieldNames.All.Contains(field)) continue;
            Assert.True(JsonNode.DeepEquals(value, sent[field]), $"unknown field {field} changed: {value?.ToJsonString()} → {sent[field]?.ToJsonString()}");
        }
    }
}
