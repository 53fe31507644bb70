using System.Globalization;
using InterviewAlerts.Core.Tracking;
using InterviewAlerts.Core.Validation;

namespace InterviewAlerts.Core.Operations;

/// <summary>
/// An operator's search for requests: every filter optional, combined with AND. Read from query parameters by
/// <see cref="Parse"/>, which names the parameter and the rule for each one it cannot take (never echoing a value).
/// </summary>
public sealed record RequestSearch
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(7);

    /// <summary>Longest caller name, TransactId or ex_id searched for.</summary>
    private const int MaxValueLength = 256;

    public string? TrackingId { get; init; }
    public string? TransactId { get; init; }

    /// <summary>Compared as its hash (<see cref="ExIdHashes"/>): records never hold the ex_id itself.</summary>
    public string? ExId { get; init; }
    public string? Caller { get; init; }
    public RequestState? State { get; init; }
    public required DateTimeOffset From { get; init; }
    public required DateTimeOffset To { get; init; }
    public int Limit { get; init; } = DefaultLimit;

    /// <summary>The states as the API names them (lower case).</summary>
    public static IReadOnlyList<string> StateNames { get; } = [.. Enum.GetNames<RequestState>().Select(name => name.ToLowerInvariant())];

    /// <summary>
    /// Reads trackingId, transactId, exId, caller, state, from, to and limit; other parameters are ignored. Without
    /// from/to the last <see cref="DefaultWindow"/> before <paramref name="now"/> is searched.
    /// </summary>
    public static (RequestSearch? Search, IReadOnlyList<FieldError> Errors) Parse(Func<string, string?> query, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new List<FieldError>();

        var trackingId = Text(query, "trackingId", errors);
        if (trackingId is not null && !TrackingIds.IsWellFormed(trackingId))
            errors.Add(new FieldError("trackingId", ErrorCodes.InvalidFormat, "A tracking id is ia_ followed by 26 lower-case letters and digits."));

        RequestState? state = null;
        if (Text(query, "state", errors) is { } stateText)
        {
            if (Enum.TryParse<RequestState>(stateText, ignoreCase: true, out var parsed) && StateNames.Contains(stateText.ToLowerInvariant())) state = parsed;
            else errors.Add(new FieldError("state", ErrorCodes.NotAllowed, "state must be one of: " + string.Join(", ", StateNames) + "."));
        }

        var to = Time(query, "to", errors) ?? now;
        var from = Time(query, "from", errors) ?? to - DefaultWindow;
        if (from > to) errors.Add(new FieldError("from", ErrorCodes.OutOfRange, "from must not be later than to."));

        var limit = DefaultLimit;
        if (Text(query, "limit", errors) is { } limitText)
        {
            if (int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 1 and <= MaxLimit) limit = parsed;
            else errors.Add(new FieldError("limit", ErrorCodes.OutOfRange, $"limit must be a whole number from 1 to {MaxLimit}."));
        }

        var search = new RequestSearch
        {
            TrackingId = trackingId,
            TransactId = Text(query, "transactId", errors),
            ExId = Text(query, "exId", errors),
            Caller = Text(query, "caller", errors),
            State = state,
            From = from,
            To = to,
            Limit = limit,
        };
        return errors.Count == 0 ? (search, []) : (null, errors);
    }

    /// <summary>The records filter this search reads.</summary>
    public RecordFilter ToFilter() => new()
    {
        Caller = Caller,
        TrackingId = TrackingId,
        TransactId = TransactId,
        ExIdHash = ExIdHashes.Of(ExId),
        States = State is { } state ? [state] : [],
        ReceivedFrom = From,
        ReceivedTo = To,
    };

    /// <summary>A parameter's value; null when absent or empty. Too long a value is an error.</summary>
    private static string? Text(Func<string, string?> query, string name, List<FieldError> errors)
    {
        var value = query(name)?.Trim();
        if (string.IsNullOrEmpty(value)) return null;
        if (value.Length <= MaxValueLength) return value;
        errors.Add(new FieldError(name, ErrorCodes.TooLong, $"{name} must be at most {MaxValueLength} characters."));
        return null;
    }

    private static readonly string[] TimeFormats =
        ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    private static DateTimeOffset? Time(Func<string, string?> query, string name, List<FieldError> errors)
    {
        if (Text(query, name, errors) is not { } text) return null;
        if (DateTimeOffset.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)) return time;
        errors.Add(new FieldError(name, ErrorCodes.InvalidFormat, $"{name} must be an ISO 8601 date or time, e.g. 2026-12-01 or 2026-12-01T08:00:00Z."));
        return null;
    }
}
