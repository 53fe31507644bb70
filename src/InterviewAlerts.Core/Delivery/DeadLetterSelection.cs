namespace InterviewAlerts.Core.Delivery;

/// <summary>
/// Which dead letters an operator acts on: the requests named by <see cref="TrackingIds"/>, or else every held dead
/// letter with <see cref="ReasonCode"/>; either within <see cref="Caller"/>'s requests when it is set.
/// </summary>
public sealed record DeadLetterSelection(IReadOnlyList<string> TrackingIds, string? ReasonCode = null, string? Caller = null)
{
    /// <summary>How many tracking ids one call may name.</summary>
    public const int MaxTrackingIds = 200;

    /// <summary>How many dead letters of one reason one call acts on; call again for the rest.</summary>
    public const int MaxPerReason = 500;
}
