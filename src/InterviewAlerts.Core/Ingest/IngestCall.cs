namespace InterviewAlerts.Core.Ingest;

/// <summary>A webhook call as ingest sees it, free of any web framework.</summary>
/// <param name="IdempotencyKey">The caller's Idempotency-Key header, if it sent one.</param>
/// <param name="TraceParent">The W3C traceparent of the current trace, carried into the queue message.</param>
/// <param name="Authorization">The Authorization header (BrassRing callers send HTTP Basic). Never logged.</param>
public sealed record IngestCall(
    string? ContentType,
    ReadOnlyMemory<byte> Body,
    string? IdempotencyKey = null,
    string? TraceParent = null,
    string? Authorization = null);
