using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace InterviewAlerts.IntegrationTests.Infrastructure;

/// <summary>Every log line the adapter writes during tests (message and scope values), to check what logs never contain.</summary>
public static class CapturedLogs
{
    private static readonly ConcurrentQueue<string> Lines = new();

    /// <summary>A provider for one host: each logger factory sets its own scope provider on it.</summary>
    public static ILoggerProvider NewProvider() => new CapturingProvider();

    public static IReadOnlyList<string> All => [.. Lines];

    private sealed class CapturingProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, () => _scopes);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(string category, Func<IExternalScopeProvider> scopes) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => scopes().Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopeText = new List<string>();
            scopes().ForEachScope((scope, list) => list.Add(Render(scope)), scopeText);
            Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception} [{string.Join("; ", scopeText)}]");
        }

        private static string Render(object? scope) => scope switch
        {
            IEnumerable<KeyValuePair<string, object>> pairs => string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}")),
            null => "",
            _ => scope.ToString() ?? "",
        };
    }
}
