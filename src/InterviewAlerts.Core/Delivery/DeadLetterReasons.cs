using InterviewAlerts.Core.Paradox;
using InterviewAlerts.Core.Tracking;

namespace InterviewAlerts.Core.Delivery;

/// <summary>
/// Why a request ended without delivery, as a short code to group, count and alert on (operator console, metrics,
/// workbook). The whole reason, with Paradox's words, stays in the record and the dead letter.
/// </summary>
public static class DeadLetterReasons
{
    /// <summary>Paradox declined the request (HTTP 400 or 422 with errors, or 2xx with success 0).</summary>
    public const string ParadoxDeclined = "paradox_declined";

    /// <summary>Paradox answered 409 Conflict.</summary>
    public const string ParadoxConflict = "paradox_conflict";

    /// <summary>Paradox answered 413: the request is too large for it.</summary>
    public const string ParadoxTooLarge = "paradox_too_large";

    /// <summary>Paradox answered a status the adapter does not expect.</summary>
    public const string ParadoxUnexpectedStatus = "paradox_unexpected_status";

    /// <summary>Paradox answered 403/404: the adapter's account, environment or URL is wrong.</summary>
    public const string AdapterMisconfigured = "adapter_misconfigured";

    /// <summary>Transient failures lasted past the retry horizon.</summary>
    public const string RetriesExhausted = "retries_exhausted";

    /// <summary>Paradox asked to wait (Retry-After) past the end of the retry horizon.</summary>
    public const string RetryAfterBeyondHorizon = "retry_after_beyond_horizon";

    /// <summary>The message failed every try of the runtime and reached the poison queue.</summary>
    public const string Poisoned = "poisoned";

    /// <summary>A queue message that is not a readable request at all.</summary>
    public const string UnreadableMessage = "unreadable_message";

    /// <summary>Every code, for documentation and for checking dashboards against the code.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        ParadoxDeclined, ParadoxConflict, ParadoxTooLarge, ParadoxUnexpectedStatus, AdapterMisconfigured,
        RetriesExhausted, RetryAfterBeyondHorizon, Poisoned, UnreadableMessage,
    ];

    /// <summary>The code for a permanent failure Paradox answered.</summary>
    public static string Of(ParadoxOutcome outcome) => outcome switch
    {
        { Kind: ParadoxOutcomeKind.ConfigurationError } => AdapterMisconfigured,
        { HttpStatus: 409 } => ParadoxConflict,
        { HttpStatus: 413 } => ParadoxTooLarge,
        { HttpStatus: (>= 200 and < 300) or 400 or 422 } => ParadoxDeclined,
        _ => ParadoxUnexpectedStatus,
    };

    /// <summary>The code of an ended request: the one recorded, else (records written before codes) from its state and last status.</summary>
    public static string Of(RequestRecord ended) => ended.DeadLetterReason ?? ended.State switch
    {
        RequestState.Expired => RetriesExhausted,
        RequestState.Rejected when ended.LastHttpStatus is null => ParadoxDeclined,
        RequestState.Rejected when ended.LastHttpStatus is 403 or 404 or 405 => AdapterMisconfigured,
        RequestState.Rejected => Of(new ParadoxOutcome(ParadoxOutcomeKind.Rejected, ended.LastHttpStatus, string.Empty)),
        _ => Poisoned,
    };
}
