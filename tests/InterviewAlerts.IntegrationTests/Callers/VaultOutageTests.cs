using System.Net;
using System.Net.Http.Headers;
using System.Text;
using InterviewAlerts.Core.Secrets;
using InterviewAlerts.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewAlerts.IntegrationTests.Callers;

/// <summary>
/// Caller secrets live in Key Vault; when the vault fails, every shape gets 503 with Retry-After (never a 500) and
/// nothing is queued. The vault is the loopback stand-in behind the real SecretClient.
/// </summary>
public sealed class VaultOutageTests(VaultOutageFixture fixture) : IClassFixture<VaultOutageFixture>
{
    private KeyVaultStandIn Vault => fixture.Vault;

    private AdapterHarness Harness => fixture.Harness;

    [Fact]
    public async Task With_theVault_up_both_shapes_authenticate_through_it()
    {
        Vault.FailWithStatus = null;
        Assert.Equal(HttpStatusCode.Accepted, (await PostJsonAsync()).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostBrassRingAsync()).StatusCode);
        Assert.Contains(Vault.Requests, r => r.SecretName == $"Callers--{AdapterHarness.BrassRingUser}--Secret" && r.Status == 200);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(403)]
    public async Task With_theVault_failing_BrassRing_gets_503_with_an_envelope_saying_nothing_was_queued(int vaultStatus)
    {
        Vault.FailWithStatus = vaultStatus;
        var recorded = await RecordCountAsync(AdapterHarness.BrassRingUser);

        using var response = await PostBrassRingAsync();
        var xml = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        Assert.Equal(503, EnvelopeStatus.Parse(xml).Code);
        Assert.Contains("NOT queued", xml, StringComparison.Ordinal);
        Assert.Equal(recorded, await RecordCountAsync(AdapterHarness.BrassRingUser));
    }

    [Theory]
    [InlineData("api/interview-alerts")]
    [InlineData("api/interview-alerts/validate")]
    public async Task With_theVault_failing_JSON_gets_503_problem_json_with_Retry_After(string path)
    {
        Vault.FailWithStatus = 500;

        var recorded = await RecordCountAsync(AdapterHarness.JsonCaller);

        using var response = await PostJsonAsync(path);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        Assert.Equal(recorded, await RecordCountAsync(AdapterHarness.JsonCaller));
    }

    [Fact]
    public async Task With_theVault_failing_a_status_read_gets_503_not_500()
    {
        Vault.FailWithStatus = 500;

        using var response = await Harness.Client.GetAsync("api/interview-alerts/ia_00000000000000000000000000");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
    }

    /// <summary>How many requests of the caller are recorded (records are stored per caller; a record is written before any message).</summary>
    private async Task<int> RecordCountAsync(string caller)
    {
        var count = 0;
        try
        {
            await foreach (var record in Harness.Records().QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == caller)) count++;
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            // No table yet: nothing was recorded.
        }

        return count;
    }

    private async Task<HttpResponseMessage> PostJsonAsync(string path = "api/interview-alerts") =>
        await Harness.Client.PostAsync(path, new StringContent(HarnessRequests.UniqueRequest(), Encoding.UTF8, "application/json"));

    private async Task<HttpResponseMessage> PostBrassRingAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/interview-alerts")
        {
            Content = new StringContent(CallerMatrix.Envelope(), Encoding.UTF8, "text/xml"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", CallerMatrix.Basic(AdapterHarness.BrassRingUser, AdapterHarness.BrassRingPassword));
        return await Harness.AnonymousClient.SendAsync(request);
    }
}

/// <summary>The Key Vault stand-in holding the callers' secrets, and an adapter reading them through the real SecretClient.</summary>
public sealed class VaultOutageFixture : IAsyncLifetime
{
    public KeyVaultStandIn Vault { get; private set; } = null!;

    public AdapterHarness Harness { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Vault = await KeyVaultStandIn.StartAsync();
        Vault.SetSecret($"Callers--{AdapterHarness.BrassRingUser}--Secret", AdapterHarness.BrassRingPassword);
        Vault.SetSecret($"Callers--{AdapterHarness.JsonCaller}--Secret", AdapterHarness.JsonCallerSecret);
        Vault.SetSecret("Paradox--AccountId", "sandbox-account");
        Vault.SetSecret("Paradox--Secret", "sandbox-secret");
        var client = Vault.CreateClient(new FakeTokenCredential());
        Harness = await AdapterHarness.StartAsync(services: services =>
            services.AddSingleton<ISecretStore>(new KeyVaultSecretStore(client, TimeProvider.System, TimeSpan.Zero)));
    }

    public async Task DisposeAsync()
    {
        await Harness.DisposeAsync();
        await Vault.DisposeAsync();
    }
}
