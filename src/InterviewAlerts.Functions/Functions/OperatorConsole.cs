using InterviewAlerts.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InterviewAlerts.Functions.Functions;

/// <summary>
/// The operator console: the page behind the admin key (opened as /api/ops/console?code=…), its stylesheet and
/// script anonymous, since they hold no data and a browser fetches them without the key.
/// </summary>
public sealed class OperatorConsole
{
    [Function(nameof(GetOperatorConsole))]
    public IActionResult GetOperatorConsole(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "ops/console")] HttpRequest request) =>
        ConsoleFiles.ServePage();

    [Function(nameof(GetOperatorConsoleAsset))]
    public IActionResult GetOperatorConsoleAsset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ops/console-assets/{file}")] HttpRequest request,
        string file) =>
        ConsoleFiles.ServeAsset(file);
}
