using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using InterviewAlerts.Core.Ingest;

namespace InterviewAlerts.Benchmarks;

/// <summary>
/// The CPU time of accepting a request (interpret + render), measured on the calling thread's own CPU clock
/// (Linux CLOCK_THREAD_CPUTIME_ID): on a machine shared with other work, waiting for a core inflates wall-clock
/// figures but not this one. Best of five rounds, after a warm-up; with the bytes allocated per request.
/// </summary>
public static partial class ThreadCpuCost
{
    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID
    private const int WarmUp = 2_000;
    private const int Rounds = 5;

    public static int Run(int callsPerRound)
    {
        if (!OperatingSystem.IsLinux())
        {
            Console.Error.WriteLine("--cpu reads the thread CPU clock of Linux; run it on Linux.");
            return 2;
        }

        var interpreter = new RequestInterpreter();
        Console.WriteLine($"Thread CPU time per request, best of {Rounds} rounds of {callsPerRound:N0} calls after {WarmUp:N0} warm-up calls");
        Console.WriteLine();
        Console.WriteLine("| request | interpret + render, CPU µs | allocated bytes |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (name, contentType, body) in new[]
        {
            ("BrassRing XML, 1 packet", "text/xml", Samples.OnePacketEnvelope),
            ("BrassRing XML, 2 packets", "text/xml", Samples.TwoPacketEnvelope),
            ("BrassRing JSON, 2 packets", "application/json", Samples.TwoPacketEnvelopeJson),
            ("Native JSON, every field", "application/json", Samples.FullNativeRequest),
        })
        {
            var sink = 0;
            for (var i = 0; i < WarmUp; i++) sink += Accept(interpreter, contentType, body);
            var best = double.MaxValue;
            var allocated = 0L;
            for (var round = 0; round < Rounds; round++)
            {
                var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
                var before = ThreadCpuNanoseconds();
                for (var i = 0; i < callsPerRound; i++) sink += Accept(interpreter, contentType, body);
                var perCall = (ThreadCpuNanoseconds() - before) / 1000.0 / callsPerRound;
                allocated = (GC.GetAllocatedBytesForCurrentThread() - bytesBefore) / callsPerRound;
                best = Math.Min(best, perCall);
            }

            Debug.Assert(sink > 0);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {best:F1} | {allocated:N0} |"));
        }

        return 0;
    }

    private static int Accept(RequestInterpreter interpreter, string contentType, byte[] body) =>
        interpreter.Interpret(contentType, body).Request!.ToParadoxUtf8().Length;

    private static long ThreadCpuNanoseconds()
    {
        if (ClockGetTime(ThreadCpuClock, out var now) != 0) throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed.");
        return (now.Seconds * 1_000_000_000L) + now.Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
