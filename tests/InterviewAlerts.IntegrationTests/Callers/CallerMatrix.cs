using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using InterviewAlerts.IntegrationTests.Infrastructure;
using StandardWebhooks;

namespace InterviewAlerts.IntegrationTests.Callers;

/// <summary>Builds the matrix's requests: a body each caller kind sends, and each kind of credential.</summary>
public static partial class CallerMatrix
{
    public const string BrassRingUser = "BrassRing user";
    public const string Signing = "signing JSON caller";
    public const string Secret = "secret JSON caller";
    public const string Operator = "operator";

    public const string None = "none";
    public const string Wrong = "wrong";
    public const string Anothers = "another caller's";
    public const string Right = "right";
    public const string Previous = "previous secret";
    public const string Replayed = "replayed signature";
    public const string Stale = "stale timestamp";

    public static HttpRequestMessage Ingest(string kind, string path, string credentials)
    {
        var (body, contentType) = kind == BrassRingUser ? (Envelope(), "text/xml") : (HarnessRequests.UniqueRequest(), "application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        Authenticate(request, kind, credentials, body);
        return request;
    }

    public static HttpRequestMessage Status(string kind, string trackingId, string credentials)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"api/interview-alerts/{trackingId}");
        Authenticate(request, kind, credentials, "");
        return request;
    }

    /// <summary>A BrassRing envelope for client id 31207 with a new TransactId (so each is a new request).</summary>
    public static string Envelope(string clientId = AdapterHarness.BrassRingClientId) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "corpus", "brassring", "reference-sample.xml"))
            .Replace("HSCAND884213", "MATRIX-" + Guid.NewGuid().ToString("N"), StringComparison.Ordinal)
            .Replace("<Credential>31207</Credential>", $"<Credential>{clientId}</Credential>", StringComparison.Ordinal);

    public static async Task<string> TrackingIdAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return response.Content.Headers.ContentType?.MediaType == "application/xml"
            ? TrackingIdPattern().Match(text).Value
            : JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Signs as the Standard Webhooks reference library does; <paramref name="age"/> moves the timestamp back.</summary>
    public static void Sign(HttpRequestMessage request, string secret, string body, string id, TimeSpan age = default)
    {
        var timestamp = DateTimeOffset.UtcNow - age;
        var signature = new StandardWebhook(secret).Sign(id, timestamp, body);
        request.Headers.Add("Caller", CallerMatrixFixture.Signer);
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", signature);
    }

    public static string Basic(string name, string secret) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{name}:{secret}"));

    private static void Authenticate(HttpRequestMessage request, string kind, string credentials, string body)
    {
        if (credentials == None) return;
        if (credentials == Anothers)
        {
            // A caller that exists and authenticates, but is not this one: the BrassRing user for JSON, a JSON caller otherwise.
            request.Headers.Authorization = kind == BrassRingUser || kind == Operator
                ? new AuthenticationHeaderValue("Basic", Basic(CallerMatrixFixture.SecretCaller, CallerMatrixFixture.SecretCallerSecret))
                : new AuthenticationHeaderValue("Basic", Basic(AdapterHarness.BrassRingUser, AdapterHarness.BrassRingPassword));
            return;
        }

        switch (kind)
        {
            case BrassRingUser:
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Basic(AdapterHarness.BrassRingUser,
                    credentials switch { Right => AdapterHarness.BrassRingPassword, Previous => CallerMatrixFixture.BrassRingPrevious, _ => "not-the-password" }));
                break;
            case Secret:
                // Bearer with the Caller header for this kind (Basic is exercised by the others).
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer",
                    credentials switch { Right => CallerMatrixFixture.SecretCallerSecret, Previous => CallerMatrixFixture.SecretCallerPrevious, _ => "not-the-secret" });
                request.Headers.Add("Caller", CallerMatrixFixture.SecretCaller);
                break;
            case Operator:
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Basic(CallerMatrixFixture.Operator,
                    credentials switch { Right => CallerMatrixFixture.OperatorSecret, Previous => CallerMatrixFixture.OperatorPrevious, _ => "not-the-secret" }));
                break;
            case Signing:
                var secret = credentials switch
                {
                    Previous => CallerMatrixFixture.SignerPrevious,
                    Wrong => "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("some-other-key")),
                    _ => CallerMatrixFixture.SignerSecret,
                };
                Sign(request, secret, body, "msg_" + Guid.NewGuid().ToString("N"), credentials == Stale ? TimeSpan.FromMinutes(6) : default);
                break;
        }
    }

    [GeneratedRegex("ia_[0-9A-Za-z]{26}")]
    private static partial Regex TrackingIdPattern();
}
