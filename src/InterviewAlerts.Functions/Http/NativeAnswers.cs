using InterviewAlerts.Core.Ingest;
using InterviewAlerts.Core.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InterviewAlerts.Functions.Http;

/// <summary>The answers of ingest to JSON callers: 202 with the tracking id, or 409 for a reused Idempotency-Key.</summary>
public static class NativeAnswers
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The error code of a 409: an Idempotency-Key the caller already used for a different body.</summary>
    public const string IdempotencyKeyReused = "idempotency_key_reused";

    public static IActionResult Accepted(IngestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ObjectResult(new
        {
            id = result.TrackingId,
            status = "queued",
            duplicate = result.Status == IngestStatus.Duplicate,
        })
        {
            StatusCode = StatusCodes.Status202Accepted,
        };
    }

    /// <summary>The key names the caller's own earlier request, whose id is safe to show back to that caller.</summary>
    public static IActionResult Conflict(IngestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return ProblemResults.Problem(StatusCodes.Status409Conflict, "idempotency-conflict", "The Idempotency-Key was already used for a different request",
        [
            new FieldError(IdempotencyKeyHeader, IdempotencyKeyReused,
                $"This Idempotency-Key was already used for a different body (tracking id {result.TrackingId}); nothing was queued. "
                + "Send a new key for a new request, or the identical body to retransmit the first one."),
        ]);
    }
}
