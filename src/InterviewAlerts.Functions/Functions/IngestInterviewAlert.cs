using InterviewAlerts.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InterviewAlerts.Functions.Functions;

/// <summary>The webhook: validates, queues, and only then acknowledges (202, or BrassRing's envelope).</summary>
public sealed class IngestInterviewAlert(WebhookResponder responder)
{
    [Function(nameof(IngestInterviewAlert))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "interview-alerts")] HttpRequest request,
        CancellationToken cancellationToken) =>
        responder.IngestAsync(request, cancellationToken);
}
