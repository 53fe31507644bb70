using InterviewAlerts.Core.BrassRing;
using InterviewAlerts.Core.Requests;
using InterviewAlerts.Core.Validation;

namespace InterviewAlerts.Core.Ingest;

/// <summary>One candidate packet of a BrassRing envelope as read, mapped and validated: a request of its own.</summary>
public sealed record PacketInterpretation
{
    public required BrassRingPacket Packet { get; init; }

    public required BrassRingMapping Mapping { get; init; }

    /// <summary>Set when the packet is valid: exactly what will be sent to Paradox.</summary>
    public InterviewRequest? Request { get; init; }

    public IReadOnlyList<FieldError> Errors { get; init; } = [];

    /// <summary>For packets with problems: the LongDescription in the client's own terms.</summary>
    public string? ProblemDescription { get; init; }

    public bool IsValid => Request is not null && Errors.Count == 0;
}
