using System.Text.Json;
using InterviewAlerts.Core.Delivery;
using InterviewAlerts.Core.Operations;
using InterviewAlerts.Core.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace InterviewAlerts.Functions.Http;

/// <summary>
/// The operator API (routes under ops/, admin key): find requests, read one, list dead letters by reason, replay or
/// discard them. Answers camelCase JSON, problem+json naming the parameter and rule for a malformed call. No
/// candidate personal data in any answer.
/// </summary>
public sealed class OperatorResponder(OperatorQueries queries, DeadLetterReplayer replayer, DeadLetterDiscarder discarder, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Largest replay or discard body read.</summary>
    private const int MaxSelectionBytes = 64 * 1024;

    public async Task<IActionResult> SearchAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (search, errors) = RequestSearch.Parse(name => request.Query[name].FirstOrDefault(), time.GetUtcNow());
        if (search is null) return ProblemResults.Problem(StatusCodes.Status400BadRequest, "invalid-filter", "A search filter is malformed", errors);
        return Ok(await queries.SearchAsync(search, cancellationToken).ConfigureAwait(false));
    }

    public async Task<IActionResult> GetAsync(string trackingId, CancellationToken cancellationToken)
    {
        var detail = await queries.GetAsync(trackingId, cancellationToken).ConfigureAwait(false);
        return detail is null
            ? ProblemResults.Problem(StatusCodes.Status404NotFound, "not-found", "Unknown tracking id",
                [new FieldError("trackingId", "not_found", "No request with this tracking id is known: it was never received, or it ended longer ago than the retention.")])
            : Ok(detail);
    }

    public async Task<IActionResult> DeadLettersAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Query["caller"].FirstOrDefault() is { Length: > 0 } c ? c.Trim() : null;
        var reasonCode = request.Query["reasonCode"].FirstOrDefault() is { Length: > 0 } r ? r.Trim() : null;
        if (reasonCode is not null && !DeadLetterReasons.All.Contains(reasonCode, StringComparer.Ordinal))
            return UnknownReason("reasonCode");
        return Ok(await queries.DeadLettersAsync(caller, reasonCode, cancellationToken).ConfigureAwait(false));
    }

    public async Task<IActionResult> ReplayAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (selection, problem) = await ReadSelectionAsync(request, cancellationToken).ConfigureAwait(false);
        return selection is null ? problem! : Ok(await replayer.ReplayAsync(selection, cancellationToken).ConfigureAwait(false));
    }

    public async Task<IActionResult> DiscardAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (selection, problem) = await ReadSelectionAsync(request, cancellationToken).ConfigureAwait(false);
        return selection is null ? problem! : Ok(await discarder.DiscardAsync(selection, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>{"trackingIds":[…]} or {"reasonCode":"…"}, optionally with "caller".</summary>
    private static async Task<(DeadLetterSelection? Selection, IActionResult? Problem)> ReadSelectionAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await BodyReader.ReadAsync(request, MaxSelectionBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return (null, ProblemResults.Problem(StatusCodes.Status413PayloadTooLarge, "too-large", "The body is too large",
                [new FieldError("$", ErrorCodes.TooLarge, $"The body exceeds {MaxSelectionBytes / 1024} KiB.")]));
        }

        SelectionBody? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<SelectionBody>(body.Value.Span, Json);
        }
        catch (JsonException)
        {
            parsed = null;
        }

        if (parsed is null)
            return (null, Invalid("$", ErrorCodes.InvalidJson, "The body must be a JSON object: {\"trackingIds\":[\"ia_…\"]} or {\"reasonCode\":\"…\"}, optionally with \"caller\"."));

        var ids = parsed.TrackingIds ?? [];
        if (ids.Count > 0 && parsed.ReasonCode is not null)
            return (null, Invalid("$", ErrorCodes.NotAllowed, "Give either trackingIds or reasonCode, not both."));
        if (ids.Count == 0 && string.IsNullOrWhiteSpace(parsed.ReasonCode))
            return (null, Invalid("$", ErrorCodes.Required, "Give trackingIds (a non-empty list) or reasonCode."));
        if (ids.Count > DeadLetterSelection.MaxTrackingIds)
            return (null, Invalid("trackingIds", ErrorCodes.TooManyMembers, $"At most {DeadLetterSelection.MaxTrackingIds} tracking ids per call."));
        if (parsed.ReasonCode is { } code && !DeadLetterReasons.All.Contains(code, StringComparer.Ordinal))
            return (null, UnknownReason("reasonCode"));

        return (new DeadLetterSelection(ids, parsed.ReasonCode, string.IsNullOrWhiteSpace(parsed.Caller) ? null : parsed.Caller.Trim()), null);
    }

    private static IActionResult UnknownReason(string field) =>
        Invalid(field, ErrorCodes.NotAllowed, $"{field} must be one of: {string.Join(", ", DeadLetterReasons.All)}.");

    private static IActionResult Invalid(string field, string code, string message) =>
        ProblemResults.Problem(StatusCodes.Status400BadRequest, "invalid-selection", "The selection is malformed", [new FieldError(field, code, message)]);

    private static IActionResult Ok(object value) => new ContentResult
    {
        StatusCode = StatusCodes.Status200OK,
        ContentType = "application/json; charset=utf-8",
        Content = JsonSerializer.Serialize(value, value.GetType(), Json),
    };

    private sealed record SelectionBody(List<string>? TrackingIds, string? ReasonCode, string? Caller);
}
