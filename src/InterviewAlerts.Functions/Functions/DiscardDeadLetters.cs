using InterviewAlerts.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InterviewAlerts.Functions.Functions;

/// <summary>Operators give up on dead letters, by tracking ids or by reason code (admin key).</summary>
public sealed class DiscardDeadLetters(OperatorResponder responder)
{
    [Function(nameof(DiscardDeadLetters))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "ops/dead-letters/discard")] HttpRequest request,
        CancellationToken cancellationToken) =>
        responder.DiscardAsync(request, cancellationToken);
}
