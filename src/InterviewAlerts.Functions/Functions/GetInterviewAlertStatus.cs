using InterviewAlerts.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InterviewAlerts.Functions.Functions;

/// <summary>State, attempts, timestamps and last error of one accepted request, for the caller that sent it.</summary>
public sealed class GetInterviewAlertStatus(StatusResponder responder)
{
    [Function(nameof(GetInterviewAlertStatus))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "interview-alerts/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        responder.GetAsync(request, id, cancellationToken);
}
