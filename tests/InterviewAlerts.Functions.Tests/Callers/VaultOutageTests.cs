using System.Net;
using System.Net.Http.Headers;
using System.Text;
using InterviewAlerts.Core.Secrets;
using InterviewAlerts.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewAlerts.Functions.Tests.Callers;

/// <summary>
/// Caller secrets live in Key Vault; when the vault fails, every shape gets 503 with Retry-After (never a 500) and
/// nothing is queued. The vault is the loopback stand-in behind the real SecretClient.
/// </summary>
public sealed class VaultOutageTests : IAsyncLifetime
{
    private KeyVaultStandIn _vault = null!;
    private AdapterHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _vault = await KeyVaultStandIn.StartAsync();
        _vault.SetSecret($"Callers--{AdapterHarness.BrassRingUser}--Secret", AdapterHarness.BrassRingPassword);
        _vault.SetSecret($"Callers--{AdapterHarness.JsonCaller}--Secret", AdapterHarness.JsonCallerSecret);
        var client = _vault.CreateClient(new FakeTokenCredential());
        _harness = await AdapterHarness.StartAsync(services: services =>
            services.AddSingleton<ISecretStore>(new KeyVaultSecretStore(client, TimeProvider.System, TimeSpan.Zero)));
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _vault.DisposeAsync();
    }

    [Fact]
    public async Task With_the_vault_up_both_shapes_authenticate_through_it()
    {
        Assert.Equal(HttpStatusCode.Accepted, (await PostJsonAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostBrassRingAsync()).StatusCode);
        Assert.Contains(_vault.Requests, r => r.SecretName == $"Callers--{AdapterHarness.BrassRingUser}--Secret" && r.Status == 200);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(403)]
    public async Task With_the_vault_failing_BrassRing_gets_503_with_an_envelope_saying_nothing_was_queued(int vaultStatus)
    {
        _vault.FailWithStatus = vaultStatus;

        using var response = await PostBrassRingAsync();
        var xml = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        Assert.Equal(503, EnvelopeStatus.Parse(xml).Code);
        Assert.Contains("NOT queued", xml, StringComparison.Ordinal);
        Assert.Empty((await _harness.Queue("interview-alerts").PeekMessagesAsync(32)).Value);
    }

    [Theory]
    [InlineData("api/interview-alerts")]
    [InlineData("api/interview-alerts/validate")]
    public async Task With_the_vault_failing_JSON_gets_503_problem_json_with_Retry_After(string path)
    {
        _vault.FailWithStatus = 500;

        using var response = await PostJsonAsync(path);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        Assert.Empty((await _harness.Queue("interview-alerts").PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task With_the_vault_failing_a_status_read_gets_503_not_500()
    {
        _vault.FailWithStatus = 500;

        using var response = await _harness.Client.GetAsync("api/interview-alerts/ia_00000000000000000000000000");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
    }

    private async Task<HttpResponseMessage> PostJsonAsync(string path = "api/interview-alerts") =>
        await _harness.Client.PostAsync(path, new StringContent(HarnessRequests.UniqueRequest(), Encoding.UTF8, "application/json"));

    private async Task<HttpResponseMessage> PostBrassRingAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/interview-alerts")
        {
            Content = new StringContent(CallerMatrix.Envelope(), Encoding.UTF8, "text/xml"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", CallerMatrix.Basic(AdapterHarness.BrassRingUser, AdapterHarness.BrassRingPassword));
        return await _harness.AnonymousClient.SendAsync(request);
    }
}
