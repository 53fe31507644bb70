using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using InterviewAlerts.Core.Paradox;
using InterviewAlerts.Core.Secrets;
using Microsoft.Extensions.Options;

namespace InterviewAlerts.LoadTest.Baselines;

/// <summary>
/// Comparison endpoints the load tool maps on the adapter's host it starts: they show what the same host does
/// without the adapter's work, so figures can be read as ratios. Never part of the function app.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>POST /api/_baseline/raw-enqueue</c>: the request bytes go to a queue as they are (base64 message, through the
/// adapter's own <see cref="QueueServiceClient"/>, so the same encoding and retry settings), then 202. No parsing, no Table.</item>
/// <item><c>POST /api/_baseline/record-then-enqueue</c>: ingest's two storage calls and nothing else: one entity-group
/// transaction inserting a request record and its idempotency key entity (as the adapter admits a request), then one
/// queue message carrying the body, then 202. No authentication, no parsing, no validation.</item>
/// <item><c>POST /api/_baseline/sync-forward</c>: a naive adapter that parses nothing and forwards the body to Paradox
/// while the caller waits (token + PUT through a plain <see cref="HttpClient"/>), answering with Paradox's status.
/// Its token is cached and fetched again after a 401, so the comparison is not against a strawman.</item>
/// </list>
/// </remarks>
public static class BaselineEndpoints
{
    /// <summary>Where raw-enqueue writes; nothing reads it (the delivery queue would dead-letter raw bytes).</summary>
    public const string RawQueueName = "baseline-raw-enqueue";

    public const string RawEnqueuePath = "/api/_baseline/raw-enqueue";
    public const string RecordThenEnqueuePath = "/api/_baseline/record-then-enqueue";

    /// <summary>Where record-then-enqueue writes its messages; nothing reads them.</summary>
    public const string RecordQueueName = "baseline-record-then-enqueue";

    /// <summary>As long as the adapter's body fingerprint (64 hex characters), without computing one.</summary>
    private static readonly string FingerprintStandIn = new('0', 64);
    public const string SyncForwardPath = "/api/_baseline/sync-forward";

    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        var rawQueue = app.Services.GetRequiredService<QueueServiceClient>().GetQueueClient(RawQueueName);
        app.MapPost(RawEnqueuePath, async (HttpContext context) =>
        {
            var body = await ReadBodyAsync(context.Request, context.RequestAborted);
            try
            {
                await SendAsync(rawQueue, body, context.RequestAborted);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                await rawQueue.CreateIfNotExistsAsync(cancellationToken: context.RequestAborted);
                await SendAsync(rawQueue, body, context.RequestAborted);
            }

            return Results.StatusCode(StatusCodes.Status202Accepted);
        });

        var records = app.Services.GetRequiredService<TableClient>();
        var recordQueue = app.Services.GetRequiredService<QueueServiceClient>().GetQueueClient(RecordQueueName);
        app.MapPost(RecordThenEnqueuePath, async (HttpContext context) =>
        {
            var body = await ReadBodyAsync(context.Request, context.RequestAborted);
            var trackingId = "ia_" + Guid.NewGuid().ToString("N")[..26];
            var now = DateTimeOffset.UtcNow;
            await records.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("baseline", "key-" + trackingId)
                {
                    ["TrackingId"] = trackingId, ["BodyFingerprint"] = FingerprintStandIn,
                }),
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("baseline", trackingId)
                {
                    ["Caller"] = "baseline", ["Source"] = "Native", ["State"] = "Received", ["ReceivedAt"] = now, ["UpdatedAt"] = now,
                    ["Attempts"] = 0, ["Replays"] = 0, ["IdempotencyKeyRow"] = "key-" + trackingId,
                }),
            ], context.RequestAborted);
            var message = JsonSerializer.Serialize(new { trackingId, receivedAt = now, body = Encoding.UTF8.GetString(body) });
            try
            {
                await recordQueue.SendMessageAsync(message, null, TimeSpan.FromSeconds(-1), context.RequestAborted);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                await recordQueue.CreateIfNotExistsAsync(cancellationToken: context.RequestAborted);
                await recordQueue.SendMessageAsync(message, null, TimeSpan.FromSeconds(-1), context.RequestAborted);
            }

            return Results.StatusCode(StatusCodes.Status202Accepted);
        });

        var forwarder = new SyncForwarder(
            app.Services.GetRequiredService<IOptions<ParadoxOptions>>().Value,
            app.Services.GetRequiredService<ISecretStore>());
        app.Lifetime.ApplicationStopped.Register(forwarder.Dispose);
        app.MapPost(SyncForwardPath, async (HttpContext context) =>
        {
            var body = await ReadBodyAsync(context.Request, context.RequestAborted);
            var status = await forwarder.ForwardAsync(body, context.Request.ContentType, context.RequestAborted);
            return Results.StatusCode(status);
        });
    }

    private static Task SendAsync(QueueClient queue, byte[] body, CancellationToken cancellationToken) =>
        queue.SendMessageAsync(BinaryData.FromBytes(body), null, TimeSpan.FromSeconds(-1), cancellationToken);

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream(request.ContentLength is long length and > 0 ? (int)length : 4096);
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>Token + PUT to the configured Paradox base URL, nothing else: no validation, no queue, no retries.</summary>
    private sealed class SyncForwarder(ParadoxOptions options, ISecretStore secrets) : IDisposable
    {
        private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
        private readonly SemaphoreSlim _gate = new(1, 1);
        private string? _token;

        public async Task<int> ForwardAsync(byte[] body, string? contentType, CancellationToken cancellationToken)
        {
            var token = await TokenAsync(null, cancellationToken);
            var status = await PutAsync(body, contentType, token, cancellationToken);
            if (status != HttpStatusCode.Unauthorized) return (int)status;
            token = await TokenAsync(token, cancellationToken);
            return (int)await PutAsync(body, contentType, token, cancellationToken);
        }

        private async Task<HttpStatusCode> PutAsync(byte[] body, string? contentType, string token, CancellationToken cancellationToken)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? "application/json");
            using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(options.ResolveBaseUrl(), ParadoxPaths.InterviewAlerts)) { Content = content };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await _http.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            return response.StatusCode;
        }

        /// <summary>The cached token, or a new one when there is none or <paramref name="refused"/> is the cached one.</summary>
        private async Task<string> TokenAsync(string? refused, CancellationToken cancellationToken)
        {
            var current = Volatile.Read(ref _token);
            if (current is not null && current != refused) return current;
            await _gate.WaitAsync(cancellationToken);
            try
            {
                if (_token is not null && _token != refused) return _token;
                using var form = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = await secrets.GetSecretAsync(ParadoxTokenProvider.AccountIdSecret, cancellationToken) ?? "",
                    ["client_secret"] = await secrets.GetSecretAsync(ParadoxTokenProvider.SecretSecret, cancellationToken) ?? "",
                });
                using var response = await _http.PostAsync(new Uri(options.ResolveBaseUrl(), ParadoxPaths.Token), form, cancellationToken);
                response.EnsureSuccessStatusCode();
                using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                _token = answer.RootElement.GetProperty("access_token").GetString();
                return _token ?? throw new InvalidOperationException("Paradox's token answer had no access_token.");
            }
            finally
            {
                _gate.Release();
            }
        }

        public void Dispose()
        {
            _http.Dispose();
            _gate.Dispose();
        }
    }
}
