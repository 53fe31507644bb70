using InterviewAlerts.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InterviewAlerts.Functions.Functions;

/// <summary>One request's detail for operators: attempts, refusal, dead letter (admin key).</summary>
public sealed class GetRequestDetail(OperatorResponder responder)
{
    [Function(nameof(GetRequestDetail))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "ops/requests/{trackingId}")] HttpRequest request,
        string trackingId,
        CancellationToken cancellationToken) =>
        responder.GetAsync(trackingId, cancellationToken);
}
