namespace InterviewAlerts.Core.Tracking;

/// <summary>Where an interview request stands. Delivered, Rejected, Expired, Poisoned, Refused and Discarded are terminal.</summary>
public enum RequestState
{
    /// <summary>Accepted at ingest; not yet attempted.</summary>
    Received,

    /// <summary>A delivery attempt holds the request right now.</summary>
    Sending,

    /// <summary>The last attempt failed transiently; another is scheduled.</summary>
    Retrying,

    /// <summary>Paradox took it.</summary>
    Delivered,

    /// <summary>Paradox said no (or the adapter is misconfigured for it); its dead letter is held.</summary>
    Rejected,

    /// <summary>Transient failures lasted past the retry horizon; its dead letter is held.</summary>
    Expired,

    /// <summary>The message could not be processed at all and landed in the poison queue; its dead letter is held.</summary>
    Poisoned,

    /// <summary>Refused at ingest for its content after the caller was authenticated: recorded with its reasons, never queued.</summary>
    Refused,

    /// <summary>An operator discarded its dead letter; nothing more happens to it.</summary>
    Discarded,
}

public static class RequestStates
{
    public static bool IsTerminal(this RequestState state) =>
        state is RequestState.Delivered or RequestState.Rejected or RequestState.Expired or RequestState.Poisoned
            or RequestState.Refused or RequestState.Discarded;

    public static bool IsDeadLettered(this RequestState state) =>
        state is RequestState.Rejected or RequestState.Expired or RequestState.Poisoned;
}
