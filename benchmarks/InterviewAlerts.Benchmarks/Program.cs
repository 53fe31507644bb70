using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace InterviewAlerts.Benchmarks;

/// <summary>
/// dotnet run -c Release --project benchmarks/InterviewAlerts.Benchmarks -- [--quick] [BenchmarkDotNet options]
/// --quick: ShortRun (3 warm-up and 3 measured iterations, one launch), in process: a few minutes on 2 cores.
/// Without it: BenchmarkDotNet's default job (separate process, as many iterations as the statistics need).
/// --cpu [calls per round]: the thread CPU time of interpret + render per request (<see cref="ThreadCpuCost"/>), which
/// waiting for a core on a shared machine does not inflate.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--cpu")
            return ThreadCpuCost.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5_000);

        var quick = args.Contains("--quick", StringComparer.OrdinalIgnoreCase);
        var rest = args.Where(arg => !arg.Equals("--quick", StringComparison.OrdinalIgnoreCase)).ToList();
        if (!rest.Any(arg => arg is "--filter" or "-f")) rest.AddRange(["--filter", "*"]);

        IConfig config = DefaultConfig.Instance;
        if (quick)
        {
            config = config.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("Quick"));
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. rest], config);
        return summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success)) ? 1 : 0;
    }
}
