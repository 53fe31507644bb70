namespace InterviewAlerts.Core.Paradox;

/// <summary>Where and how to reach Paradox (configuration section "Paradox").</summary>
public sealed class ParadoxOptions
{
    public const string Section = "Paradox";

    /// <summary>A named environment (see <see cref="ParadoxEnvironments"/>), used when <see cref="BaseUrl"/> is empty.</summary>
    public string? Environment { get; set; }

    /// <summary>An explicit base URL (e.g. the local sandbox); wins over <see cref="Environment"/>.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Fetch a new token this long before the current one expires.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// While Paradox refuses the credentials (or every new token), at most one token request per this interval per
    /// instance; deliveries meanwhile are re-scheduled without calling Paradox.
    /// </summary>
    public TimeSpan TokenRequestInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of one HTTP attempt to Paradox.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Timeout of one call including its in-call retries.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>In-call retries for answers Paradox certainly did not process (429, 503, connection refused).</summary>
    public int InCallRetries { get; set; } = 2;

    /// <summary>A Retry-After longer than this is not waited out in-call; the message is re-scheduled on the queue instead.</summary>
    public TimeSpan MaxInCallRetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    public Uri ResolveBaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(BaseUrl)) return new Uri(BaseUrl.TrimEnd('/') + "/", UriKind.Absolute);
        return ParadoxEnvironments.TryResolve(Environment, out var url)
            ? url
            : throw new InvalidOperationException($"Paradox:Environment \"{Environment}\" is not known; use one of {string.Join(", ", ParadoxEnvironments.Names)} or set Paradox:BaseUrl.");
    }
}
