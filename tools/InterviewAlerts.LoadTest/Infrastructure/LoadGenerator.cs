using System.Diagnostics;
using System.Net.Http.Headers;

namespace InterviewAlerts.LoadTest.Infrastructure;

/// <summary>One HTTP request to make: where, what bytes, which content type, optional Authorization and Idempotency-Key.</summary>
internal sealed record LoadRequest(HttpMethod Method, Uri Uri, byte[] Body, string ContentType, string? Authorization = null, string? IdempotencyKey = null);

/// <summary>What one request got: status (0 when it failed without an answer), time, the answer's bytes.</summary>
internal readonly record struct Sent(int Index, LoadRequest Request, int Status, double Milliseconds, byte[] Answer, DateTimeOffset At, string? Error);

internal sealed class RunResult
{
    public required int Requests { get; init; }
    public required int Ok { get; init; }
    public required TimeSpan Elapsed { get; init; }
    public required Latencies Latencies { get; init; }
    public required IReadOnlyDictionary<int, int> Statuses { get; init; }
    public double OkPerSecond => Ok / Elapsed.TotalSeconds;
    public int Errors => Requests - Ok;
    public string StatusSummary => string.Join(" ", Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}x{s.Value}"));
}

/// <summary>
/// A closed-loop load generator: <c>concurrency</c> workers, each sending its next request when the previous one is
/// answered, until <c>maxRequests</c> were sent or <c>maxDuration</c> passed, whichever comes first. Optional pacing
/// caps the total rate. Every loop ends by itself.
/// </summary>
internal static class LoadGenerator
{
    public static async Task<RunResult> RunAsync(
        HttpClient client,
        int concurrency,
        int maxRequests,
        TimeSpan maxDuration,
        Func<int, LoadRequest> make,
        Func<Sent, bool> isOk,
        double? ratePerSecond = null,
        Action<Sent>? observe = null,
        CancellationToken cancellationToken = default)
    {
        var latencies = new double[maxRequests];
        var ok = new bool[maxRequests];
        var statuses = new int[maxRequests];
        var next = -1;
        var clock = Stopwatch.StartNew();

        async Task WorkerAsync()
        {
            while (!cancellationToken.IsCancellationRequested && clock.Elapsed < maxDuration)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= maxRequests) return;
                if (ratePerSecond is double rate)
                {
                    var due = TimeSpan.FromSeconds(index / rate);
                    var wait = due - clock.Elapsed;
                    if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken);
                    if (clock.Elapsed >= maxDuration) { statuses[index] = -1; return; }
                }

                var request = make(index);
                var started = Stopwatch.GetTimestamp();
                var status = 0;
                byte[] answer = [];
                string? error = null;
                try
                {
                    using var message = new HttpRequestMessage(request.Method, request.Uri) { Content = new ByteArrayContent(request.Body) };
                    message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
                    if (request.Authorization is { } authorization) message.Headers.TryAddWithoutValidation("Authorization", authorization);
                    if (request.IdempotencyKey is { } key) message.Headers.TryAddWithoutValidation("Idempotency-Key", key);
                    using var response = await client.SendAsync(message, cancellationToken);
                    answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                    status = (int)response.StatusCode;
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    error = ex.GetType().Name + ": " + ex.Message;
                }

                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var sent = new Sent(index, request, status, elapsed, answer, DateTimeOffset.UtcNow, error);
                latencies[index] = elapsed;
                statuses[index] = status;
                ok[index] = status != 0 && isOk(sent);
                observe?.Invoke(sent);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(WorkerAsync, CancellationToken.None)));
        var elapsedTotal = clock.Elapsed;
        var done = Math.Min(Volatile.Read(ref next) + 1, maxRequests);
        var completed = Enumerable.Range(0, done).Where(i => statuses[i] != -1).ToList();
        return new RunResult
        {
            Requests = completed.Count,
            Ok = completed.Count(i => ok[i]),
            Elapsed = elapsedTotal,
            Latencies = new Latencies(completed.Where(i => ok[i]).Select(i => latencies[i])),
            Statuses = completed.GroupBy(i => statuses[i]).ToDictionary(g => g.Key, g => g.Count()),
        };
    }
}
