using InterviewAlerts.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InterviewAlerts.Functions.Functions;

/// <summary>Operators find requests by tracking id, TransactId, ex_id, caller, state and time (admin key).</summary>
public sealed class SearchRequests(OperatorResponder responder)
{
    [Function(nameof(SearchRequests))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "ops/requests")] HttpRequest request,
        CancellationToken cancellationToken) =>
        responder.SearchAsync(request, cancellationToken);
}
