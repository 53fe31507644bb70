using System.Collections.Concurrent;
using System.Text;

namespace InterviewAlerts.LoadTest.Infrastructure;

/// <summary>
/// Counts the HTTP requests (storage transactions, as Azure bills them) that pass through the relays in front of
/// Azurite, by service, method and resource kind, from the request lines of the client-to-Azurite byte stream.
/// </summary>
internal sealed class StorageRequestCounter
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public int Total => _counts.Values.Sum();

    /// <summary>A copy of the counts so far, keyed "service METHOD kind" (e.g. "queue GET messages").</summary>
    public IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(_counts, StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, int> Difference(IReadOnlyDictionary<string, int> after, IReadOnlyDictionary<string, int> before) =>
        after.Select(a => (a.Key, Value: a.Value - before.GetValueOrDefault(a.Key)))
            .Where(d => d.Value != 0).ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal);

    /// <summary>A scanner for one connection's request stream to <paramref name="service"/> (blob, queue or table).</summary>
    public Scanner For(string service) => new(this, service);

    /// <summary>Set LOADTEST_STORAGE_TRACE to a file to see every counted request line (for checking the counts).</summary>
    private static readonly string? TracePath = Environment.GetEnvironmentVariable("LOADTEST_STORAGE_TRACE");

    private void Count(string service, string method, string path)
    {
        _counts.AddOrUpdate($"{service} {method} {Kind(service, path)}", 1, (_, n) => n + 1);
        if (TracePath is not null)
        {
            lock (_counts) File.AppendAllText(TracePath, $"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {service} {method} {path}\n");
        }
    }

    /// <summary>What a request addresses, without names: "messages", "message", "queue", "entity", "table", "blob", "container", "service".</summary>
    private static string Kind(string service, string path)
    {
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var segments = (query >= 0 ? path[..query] : path).Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var depth = segments.Length - 1; // the first segment is the account
        var comp = query >= 0 && path.Contains("comp=", StringComparison.Ordinal) ? "?" + path[(path.IndexOf("comp=", StringComparison.Ordinal) + 5)..].Split('&')[0] : "";
        return service switch
        {
            "queue" => (depth switch { <= 0 => "service", 1 => "queue", 2 => "messages", _ => "message" }) + comp,
            "table" => depth <= 0 ? "service" : segments[1].Contains('(', StringComparison.Ordinal) ? "entity" : "table",
            _ => (depth switch { <= 0 => "service", 1 => "container", _ => "blob" }) + comp,
        };
    }

    /// <summary>
    /// Finds request lines ("METHOD /path HTTP/1.1") in a byte stream read in arbitrary chunks. Bodies of storage
    /// requests (XML, JSON, base64 messages) do not contain " HTTP/1.1\r\n", so a plain scan is exact enough; the
    /// sub-requests inside a table batch's body name absolute URLs ("POST http://…"), so they are not counted apart.
    /// </summary>
    internal sealed class Scanner(StorageRequestCounter owner, string service)
    {
        private static readonly string[] Methods = ["GET", "PUT", "POST", "DELETE", "HEAD", "MERGE", "PATCH", "OPTIONS"];
        private readonly StringBuilder _tail = new();

        public void Feed(ReadOnlySpan<byte> bytes)
        {
            _tail.Append(Encoding.Latin1.GetString(bytes));
            var text = _tail.ToString();
            var consumed = 0;
            int end;
            while ((end = text.IndexOf(" HTTP/1.1\r\n", consumed, StringComparison.Ordinal)) >= 0)
            {
                // The line starts at its method: the previous request's body may end without a line break.
                var from = Math.Max(consumed, text.LastIndexOf('\n', end) + 1);
                var segment = text[from..end];
                var start = Methods.Select(m => segment.LastIndexOf(m + " /", StringComparison.Ordinal)).Max();
                if (start >= 0)
                {
                    var line = segment[start..];
                    var space = line.IndexOf(' ', StringComparison.Ordinal);
                    owner.Count(service, line[..space], line[(space + 1)..]);
                }

                consumed = end + 11;
            }

            // Keep only what may hold the start of a request line cut by the chunk boundary.
            var keepFrom = Math.Max(consumed, text.Length - 4096);
            _tail.Clear().Append(text, keepFrom, text.Length - keepFrom);
        }
    }
}
