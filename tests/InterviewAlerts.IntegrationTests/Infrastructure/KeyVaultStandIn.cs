using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Secrets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InterviewAlerts.IntegrationTests.Infrastructure;

/// <summary>One GET the stand-in answered.</summary>
public sealed record VaultRequest(string SecretName, string? Authorization, string? ApiVersion, int Status);

/// <summary>
/// A loopback stand-in for Key Vault's secret endpoint, over HTTPS with a certificate made for this test run:
/// answers a request without a bearer token with Key Vault's 401 challenge, and an authenticated
/// <c>GET /secrets/{name}</c> with the current value (or 404). Secret values can be changed while it runs.
/// </summary>
public sealed class KeyVaultStandIn : IAsyncDisposable
{
    public const string Challenge =
        "Bearer authorization=\"https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000\", resource=\"https://vault.azure.net\"";

    private readonly ConcurrentDictionary<string, (string Value, string Version)> _secrets = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<VaultRequest> _requests = new();
    private WebApplication? _app;

    private KeyVaultStandIn(X509Certificate2 certificate) => Certificate = certificate;

    public X509Certificate2 Certificate { get; }
    public Uri VaultUri { get; private set; } = null!;
    public IReadOnlyList<VaultRequest> Requests => [.. _requests];

    /// <summary>When set, authenticated requests are answered with this status (a vault outage, a missing role assignment).</summary>
    public int? FailWithStatus { get; set; }

    public static async Task<KeyVaultStandIn> StartAsync()
    {
        var standIn = new KeyVaultStandIn(CreateCertificate());
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(standIn.Certificate)));
        var app = builder.Build();
        app.MapGet("/secrets/{name}/{version?}", standIn.Answer);
        await app.StartAsync();
        standIn._app = app;
        standIn.VaultUri = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
        return standIn;
    }

    /// <summary>Sets (or rotates) a secret under its vault name, e.g. "Paradox--Secret"; each value gets a new version.</summary>
    public void SetSecret(string vaultName, string value) => _secrets[vaultName] = (value, Guid.NewGuid().ToString("N"));

    /// <summary>A real <see cref="SecretClient"/> for this vault: trusts only the stand-in's certificate, no retries.</summary>
    public SecretClient CreateClient(TokenCredential credential)
    {
        var expected = Certificate.GetCertHashString(HashAlgorithmName.SHA256);
#pragma warning disable CA2000 // The transport owns the handler for the client's lifetime.
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
                certificate is not null
                && (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None
                && string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), expected, StringComparison.OrdinalIgnoreCase),
        };
#pragma warning restore CA2000
        var options = new SecretClientOptions
        {
            DisableChallengeResourceVerification = true,
            Transport = new HttpClientTransport(handler),
            Retry = { MaxRetries = 0 },
        };
        return new SecretClient(VaultUri, credential, options);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Certificate.Dispose();
    }

    private IResult Answer(HttpContext context, string name)
    {
        var authorization = context.Request.Headers.Authorization.FirstOrDefault();
        var apiVersion = context.Request.Query["api-version"].FirstOrDefault();
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            _requests.Enqueue(new VaultRequest(name, authorization, apiVersion, StatusCodes.Status401Unauthorized));
            context.Response.Headers.WWWAuthenticate = Challenge;
            return Results.Json(new { error = new { code = "Unauthorized", message = "AKV10000: Request is missing a Bearer or PoP token." } },
                statusCode: StatusCodes.Status401Unauthorized);
        }

        if (FailWithStatus is int failure)
        {
            _requests.Enqueue(new VaultRequest(name, authorization, apiVersion, failure));
            return Results.Json(new { error = new { code = "Forbidden", message = "Caller is not authorized to perform action on resource." } }, statusCode: failure);
        }

        if (!_secrets.TryGetValue(name, out var secret))
        {
            _requests.Enqueue(new VaultRequest(name, authorization, apiVersion, StatusCodes.Status404NotFound));
            return Results.Json(new { error = new { code = "SecretNotFound", message = $"A secret with (name/id) {name} was not found in this key vault." } },
                statusCode: StatusCodes.Status404NotFound);
        }

        _requests.Enqueue(new VaultRequest(name, authorization, apiVersion, StatusCodes.Status200OK));
        return Results.Json(new
        {
            value = secret.Value,
            id = $"{VaultUri}secrets/{name}/{secret.Version}",
            attributes = new { enabled = true },
        });
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        using var ephemeral = request.CreateSelfSigned(now.AddMinutes(-5), now.AddHours(1));
        // Round-trip through PKCS#12 so the private key is usable by the TLS stack on every platform.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
    }
}

/// <summary>A credential that hands out a fixed token and remembers what it was asked for.</summary>
public sealed class FakeTokenCredential(string token = "test-access-token") : TokenCredential
{
    private readonly ConcurrentQueue<TokenRequestContext> _requests = new();

    public string Token { get; } = token;
    public IReadOnlyList<TokenRequestContext> Requests => [.. _requests];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        _requests.Enqueue(requestContext);
        return new AccessToken(Token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
