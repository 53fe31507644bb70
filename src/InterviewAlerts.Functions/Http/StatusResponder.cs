using InterviewAlerts.Core.Observability;
using InterviewAlerts.Core.Tracking;
using InterviewAlerts.Core.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InterviewAlerts.Functions.Http;

/// <summary>GET /api/interview-alerts/{id}: where a request stands. No candidate personal data.</summary>
public sealed class StatusResponder(IRequestRecordStore records)
{
    public async Task<IActionResult> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!TrackingIds.IsWellFormed(id))
        {
            return ProblemResults.Problem(StatusCodes.Status400BadRequest, "invalid-id", "Not a tracking id",
                [new FieldError("id", ErrorCodes.InvalidType, "A tracking id looks like ia_ followed by 26 letters and digits.")]);
        }

        var record = await records.FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return ProblemResults.Problem(StatusCodes.Status404NotFound, "not-found", "Unknown tracking id",
                [new FieldError("id", "not_found", "No request with this tracking id was accepted in the retention window (72 hours).")]);
        }

        return new OkObjectResult(new
        {
            id = record.TrackingId,
            state = record.State.ToString().ToLowerInvariant(),
            source = record.Source.ToString().ToLowerInvariant(),
            receivedAt = record.ReceivedAt,
            updatedAt = record.UpdatedAt,
            deliveredAt = record.DeliveredAt,
            attempts = record.Attempts,
            replays = record.Replays,
            lastHttpStatus = record.LastHttpStatus,
            lastError = record.LastError is null ? null : PersonalDataRedactor.Redact(record.LastError),
        });
    }
}
