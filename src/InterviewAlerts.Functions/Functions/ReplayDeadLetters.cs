using System.Globalization;
using InterviewAlerts.Core.Delivery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace InterviewAlerts.Functions.Functions;

/// <summary>
/// Operators re-drive dead-lettered requests after a fix (admin key). The route avoids the "admin" prefix,
/// which the Functions host reserves for its own API.
/// </summary>
public sealed class ReplayDeadLetters(DeadLetterReplayer replayer)
{
    [Function(nameof(ReplayDeadLetters))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "ops/interview-alerts/replay")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var max = int.TryParse(request.Query["max"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var m) ? Math.Clamp(m, 1, 1000) : 100;
        return new OkObjectResult(await replayer.ReplayAsync(max, cancellationToken));
    }
}
