using InterviewAlerts.Core.Callers;

namespace InterviewAlerts.Core.Ingest;

/// <summary>An authenticated, interpreted webhook call as ingest sees it, free of any web framework.</summary>
/// <param name="Caller">Who sent it (already authenticated).</param>
/// <param name="Interpretation">The body as read, mapped and validated.</param>
/// <param name="IdempotencyKey">The caller's Idempotency-Key header, if it sent one.</param>
/// <param name="TraceParent">The W3C traceparent of the current trace, carried into the queue message.</param>
public sealed record IngestCall(
    Caller Caller,
    Interpretation Interpretation,
    string? IdempotencyKey = null,
    string? TraceParent = null);
