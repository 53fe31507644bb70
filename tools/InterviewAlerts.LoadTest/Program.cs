using InterviewAlerts.LoadTest.Baselines;
using InterviewAlerts.LoadTest.Infrastructure;
using InterviewAlerts.LoadTest.Scenarios;

// One command per figure; each run is bounded in requests and time and ends by itself.
var command = args.Length > 0 ? args[0] : "";
if (command == BaselineServer.Command)
{
    await BaselineServer.RunAsync(args[1..]);
    return 0;
}

var quick = args.Contains("--quick"); // smaller counts, to check the harness itself
Console.WriteLine($"Machine: {Evidence.Machine()}");
switch (command)
{
    case "ingest":
        await IngestScenario.RunAsync(quick, FunctionsHost());
        break;
    case "delivery":
        await DeliveryScenario.RunAsync(quick, FunctionsHost(), Repeat());
        break;
    case "ack":
        await AckScenario.RunAsync(quick, FunctionsHost(), Repeat(), args.Contains("--delivery-off"));
        break;
    case "time-to-paradox":
        await TimeToParadoxScenario.RunAsync(quick, FunctionsHost(), Repeat(),
            Option("--rates")?.Split(',').Select(r => int.Parse(r, System.Globalization.CultureInfo.InvariantCulture)).ToList());
        break;
    case "memory":
        await MemoryScenario.RunAsync(quick);
        break;
    case "breakdown":
        await BreakdownScenario.RunAsync(quick);
        break;
    case "large-bodies":
        await LargeBodyScenario.RunAsync(LargeBodyTargets(), Option("--functions-host"), Option("--only"), args.Contains("--with-delivery"), quick, TargetAppSettings(), args.Contains("--chunked"));
        break;
    case "compare":
        await CompareScenario.RunAsync(Targets(), Options("--legacy-callers"), Option("--functions-host"), int.Parse(Option("--repetitions") ?? (quick ? "1" : "3"), System.Globalization.CultureInfo.InvariantCulture), quick);
        break;
    case "soak":
        return await SoakScenario.RunAsync(quick);
    default:
        Console.Error.WriteLine("usage: dotnet run -c Release --project tools/InterviewAlerts.LoadTest -- ingest|breakdown|delivery|ack|time-to-paradox|memory|soak|large-bodies|compare [--quick]");
        Console.Error.WriteLine("  ingest|delivery|ack|time-to-paradox [--functions-host <folder with run-host.sh> --target label=host:<publish folder>] [--repeat N] [--host-setting KEY=VALUE]...");
        Console.Error.WriteLine("  time-to-paradox [--rates 1,10,40]; ack [--delivery-off] (under the host: the queue function off)");
        Console.Error.WriteLine("  large-bodies [--target label=host:<publish folder> | label=runner:<LocalRunner dll>]... [--functions-host <folder with run-host.sh>] [--only large|slow|rate[,...]] [--with-delivery] [--chunked] [--app-setting label:KEY=VALUE]...");
        Console.Error.WriteLine("  compare --target label=runner:<LocalRunner dll> | label=host:<publish folder>... [--legacy-callers label]... [--repetitions 3] [--functions-host <folder>]");
        return 2;
}

return 0;

// The published app under the Functions host when both are named; the local runner otherwise.
FunctionsHostRun? FunctionsHost()
{
    if (Option("--functions-host") is not { } folder) return null;
    var target = LargeBodyTargets().FirstOrDefault(t => t.Kind == AdapterKind.FunctionsHost)
        ?? throw new ArgumentException("--functions-host needs the published app: --target label=host:<publish folder>.");
    var settings = args.Select((a, i) => (a, i)).Where(x => x.a == "--host-setting" && x.i + 1 < args.Length)
        .Select(x => args[x.i + 1].Split('=', 2)).ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : "", StringComparer.Ordinal);
    return new FunctionsHostRun(Path.GetFullPath(folder), target, settings);
}

int Repeat() => int.TryParse(Option("--repeat"), System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1;

string? Option(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

string[] Options(string name) => args.Select((a, i) => (a, i)).Where(x => x.a == name && x.i + 1 < args.Length).Select(x => args[x.i + 1]).ToArray();

List<AdapterTarget> Targets() => Options("--target").Select(AdapterTarget.Parse).ToList();

// Without --target: this checkout's local runner (Release build), which needs no Functions host.
List<AdapterTarget> LargeBodyTargets()
{
    var targets = Targets();
    if (targets.Count > 0) return targets;
    var runner = Path.Combine(InterviewAlerts.IntegrationTests.Infrastructure.RepositoryRoot.Path, "src", "InterviewAlerts.LocalRunner", "bin", "Release", "net10.0", "InterviewAlerts.LocalRunner.dll");
    return [AdapterTarget.Parse("current=runner:" + runner)];
}

// --app-setting label:KEY=VALUE, repeatable: an app setting of one target, as its infrastructure deploys it.
Dictionary<string, Dictionary<string, string>> TargetAppSettings()
{
    var settings = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
    foreach (var (_, i) in args.Select((a, i) => (a, i)).Where(x => x.a == "--app-setting" && x.i + 1 < args.Length))
    {
        var text = args[i + 1];
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (colon <= 0 || equals < colon + 2) throw new ArgumentException($"An app setting is label:KEY=VALUE, not \"{text}\".");
        if (!settings.TryGetValue(text[..colon], out var target)) settings[text[..colon]] = target = new Dictionary<string, string>(StringComparer.Ordinal);
        target[text[(colon + 1)..equals]] = text[(equals + 1)..];
    }

    return settings;
}
