using InterviewAlerts.Core.Callers;
using InterviewAlerts.Core.Tracking;
using InterviewAlerts.Core.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InterviewAlerts.Functions.Http;

/// <summary>
/// GET /api/interview-alerts/{id}: where a request stands, for the caller that sent it (or an operator).
/// Another caller's request is answered exactly like an unknown one. No candidate personal data.
/// </summary>
public sealed class StatusResponder(IRequestRecordStore records, CallerAuthenticator callers)
{
    public async Task<IActionResult> GetAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var authentication = await callers.AuthenticateAsync(RequestCredentials.Of(request), ReadOnlyMemory<byte>.Empty, shape: null, cancellationToken)
            .ConfigureAwait(false);
        if (authentication.Caller is not { } caller) return WebhookResponder.Refusal(authentication);

        if (!TrackingIds.IsWellFormed(id))
        {
            return ProblemResults.Problem(StatusCodes.Status400BadRequest, "invalid-id", "Not a tracking id",
                [new FieldError("id", ErrorCodes.InvalidType, "A tracking id looks like ia_ followed by 26 letters and digits.")]);
        }

        var record = caller.IsOperator
            ? await records.FindAsync(id, cancellationToken).ConfigureAwait(false)
            : await records.GetAsync(caller.Name, id, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return ProblemResults.Problem(StatusCodes.Status404NotFound, "not-found", "Unknown tracking id",
                [new FieldError("id", "not_found", "No request of yours with this tracking id is known: it was never accepted, or it ended longer ago than the retention.")]);
        }

        return new OkObjectResult(new
        {
            id = record.TrackingId,
            caller = record.Caller,
            state = record.State.ToString().ToLowerInvariant(),
            source = record.Source.ToString().ToLowerInvariant(),
            receivedAt = record.ReceivedAt,
            updatedAt = record.UpdatedAt,
            deliveredAt = record.DeliveredAt,
            attempts = record.Attempts,
            replays = record.Replays,
            lastHttpStatus = record.LastHttpStatus,
            lastError = record.LastError, // stored already redacted of every value the request carried
        });
    }
}
