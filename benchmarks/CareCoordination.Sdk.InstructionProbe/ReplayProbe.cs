using System;
using System.Diagnostics;
using System.Reflection;

namespace CareCoordination.Sdk.InstructionProbe;

/// <summary>
/// Counts the instructions of a whole replay (ReplayBenchmarks' workload through the SDK, presized, keyed by BSN):
/// registrations, family changes and nights together, as "registrations with the nights" times them. A first replay of
/// the same workload compiles everything, so that callgrind counts the index's work and not the JIT's; with
/// <c>PROBE_EMPTY=1</c> the counted replay is made but not run. With <c>PROBE_REPEAT=n</c> it first replays n more
/// times and prints each replay's time, for a profile of the tiered code (<c>perf record</c>) in place of callgrind's.
/// </summary>
internal static class ReplayProbe
{
    /// <summary>Replays <paramref name="registrations"/> registrations over <paramref name="youths"/> youths twice, counting the second.</summary>
    public static int Run(Assembly benchmarks, int youths, int registrations)
    {
        var workloadType = benchmarks.GetType("CareCoordination.Sdk.Benchmarks.Replay.ReplayWorkload", throwOnError: true)!;
        var replayType = benchmarks.GetType("CareCoordination.Sdk.Benchmarks.Replay.SdkReplay", throwOnError: true)!;
        var workload = workloadType.GetMethod("Generate")!.Invoke(null, [youths, registrations, 17])!;
        var run = replayType.GetMethod("Run")!;
        object Replay() => Activator.CreateInstance(replayType, [workload, null, true, null])!;

        run.Invoke(Replay(), null);
        var repeat = int.Parse(Environment.GetEnvironmentVariable("PROBE_REPEAT") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < repeat; i++)
        {
            var replay = Replay();
            var begun = Stopwatch.GetTimestamp();
            run.Invoke(replay, null);
            Console.WriteLine(FormattableString.Invariant($"replay {i}: {Stopwatch.GetElapsedTime(begun).TotalNanoseconds / registrations:F0} ns a registration with the nights"));
            ((IDisposable)replay).Dispose();
        }

        var counted = Replay();
        var empty = Environment.GetEnvironmentVariable("PROBE_EMPTY") == "1";
        var started = Stopwatch.GetTimestamp();
        Callgrind.Start();
        if (!empty)
        {
            run.Invoke(counted, null);
        }

        Callgrind.Stop();
        var elapsed = Stopwatch.GetElapsedTime(started);
        Console.WriteLine(FormattableString.Invariant($"{youths} youths, {registrations} registrations replayed in {elapsed.TotalMilliseconds:F0} ms"));
        ((IDisposable)counted).Dispose();
        return 0;
    }
}
