using InterviewAlerts.Core.Ingest;

namespace InterviewAlerts.Core.Callers;

/// <summary>
/// The authenticated sender of a webhook call. Its name scopes idempotency keys and request records,
/// so one caller can neither pre-empt nor read another's requests. Never holds a secret.
/// </summary>
public sealed record Caller(string Name)
{
    /// <summary>JSON calls without credentials, where the local-development setting allows them.</summary>
    public static Caller Anonymous { get; } = new("anonymous") { Shapes = CallerShapes.Json };

    /// <summary>The body shapes this caller may send.</summary>
    public CallerShapes Shapes { get; init; }

    /// <summary>For BrassRing: the Sender/Credential client ids this caller may send for.</summary>
    public IReadOnlySet<string> ClientIds { get; init; } = new HashSet<string>();

    /// <summary>Operators may read the status of any caller's request.</summary>
    public bool IsOperator { get; init; }

    public bool MaySend(RequestShape shape) => shape switch
    {
        RequestShape.BrassRing => Shapes.HasFlag(CallerShapes.BrassRing),
        _ => Shapes.HasFlag(CallerShapes.Json),
    };

    public bool MaySendFor(string clientId) => ClientIds.Contains(clientId.Trim());
}
