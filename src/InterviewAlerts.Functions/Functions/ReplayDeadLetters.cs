using InterviewAlerts.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InterviewAlerts.Functions.Functions;

/// <summary>Operators re-drive dead letters after a fix, by tracking ids or by reason code (admin key).</summary>
public sealed class ReplayDeadLetters(OperatorResponder responder)
{
    [Function(nameof(ReplayDeadLetters))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "ops/dead-letters/replay")] HttpRequest request,
        CancellationToken cancellationToken) =>
        responder.ReplayAsync(request, cancellationToken);
}
