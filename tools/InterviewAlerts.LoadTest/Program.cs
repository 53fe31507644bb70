using InterviewAlerts.LoadTest.Infrastructure;
using InterviewAlerts.LoadTest.Scenarios;

// One command per figure; each run is bounded in requests and time and ends by itself.
var command = args.Length > 0 ? args[0] : "";
var quick = args.Contains("--quick"); // smaller counts, to check the harness itself
Console.WriteLine($"Machine: {Evidence.Machine()}");
switch (command)
{
    case "ingest":
        await IngestScenario.RunAsync(quick);
        break;
    case "delivery":
        await DeliveryScenario.RunAsync(quick);
        break;
    case "ack":
        await AckScenario.RunAsync(quick);
        break;
    case "memory":
        await MemoryScenario.RunAsync(quick);
        break;
    case "breakdown":
        await BreakdownScenario.RunAsync(quick);
        break;
    case "soak":
        return await SoakScenario.RunAsync(quick);
    default:
        Console.Error.WriteLine("usage: dotnet run -c Release --project tools/InterviewAlerts.LoadTest -- ingest|breakdown|delivery|ack|memory|soak [--quick]");
        return 2;
}

return 0;
