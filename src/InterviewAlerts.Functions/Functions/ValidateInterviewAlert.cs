using InterviewAlerts.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InterviewAlerts.Functions.Functions;

/// <summary>Dry run: shows the exact Paradox request or every problem; queues nothing.</summary>
public sealed class ValidateInterviewAlert(WebhookResponder responder)
{
    [Function(nameof(ValidateInterviewAlert))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "interview-alerts/validate")] HttpRequest request,
        CancellationToken cancellationToken) =>
        responder.ValidateAsync(request, cancellationToken);
}
