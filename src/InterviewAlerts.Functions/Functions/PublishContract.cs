using InterviewAlerts.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InterviewAlerts.Functions.Functions;

/// <summary>
/// The published contract: the OpenAPI description and the request schema it refers to (relative reference
/// "schema/interview-request.schema.json", served beside it). Anonymous: it holds no secret and integrators read it first.
/// </summary>
public sealed class PublishContract
{
    [Function(nameof(GetOpenApiDescription))]
    public IActionResult GetOpenApiDescription(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) =>
        ContractFiles.Serve(ContractFiles.OpenApi);

    [Function(nameof(GetInterviewRequestSchema))]
    public IActionResult GetInterviewRequestSchema(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "schema/interview-request.schema.json")] HttpRequest request) =>
        ContractFiles.Serve(ContractFiles.RequestSchema);
}
