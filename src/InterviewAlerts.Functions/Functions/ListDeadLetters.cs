using InterviewAlerts.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InterviewAlerts.Functions.Functions;

/// <summary>Held dead letters grouped by reason code (admin key).</summary>
public sealed class ListDeadLetters(OperatorResponder responder)
{
    [Function(nameof(ListDeadLetters))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "ops/dead-letters")] HttpRequest request,
        CancellationToken cancellationToken) =>
        responder.DeadLettersAsync(request, cancellationToken);
}
