namespace InterviewAlerts.Core.Tracking;

/// <summary>Where an accepted interview request stands. Delivered, Rejected and Expired are terminal.</summary>
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

    /// <summary>Paradox said no (or the adapter is misconfigured for it); in the dead-letter queue.</summary>
    Rejected,

    /// <summary>Transient failures lasted past the retry horizon; in the dead-letter queue.</summary>
    Expired,

    /// <summary>The message could not be processed at all and landed in the poison queue; in the dead-letter queue.</summary>
    Poisoned,
}

public static class RequestStates
{
    public static bool IsTerminal(this RequestState state) =>
        state is RequestState.Delivered or RequestState.Rejected or RequestState.Expired or RequestState.Poisoned;

    public static bool IsDeadLettered(this RequestState state) =>
        state is RequestState.Rejected or RequestState.Expired or RequestState.Poisoned;
}
