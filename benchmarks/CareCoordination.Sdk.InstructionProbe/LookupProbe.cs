using System;
using System.Reflection;

namespace CareCoordination.Sdk.InstructionProbe;

/// <summary>
/// Runs LookupBenchmarks.ReferenceIndex of any checkout's benchmarks build outside BenchmarkDotNet, in a plain loop:
/// its times are steadier between processes than BenchmarkDotNet's sixteen calls a round, and two builds can run at
/// once, one per core, so that both see the same moment of a shared machine.
/// </summary>
internal static class LookupProbe
{
    private const int LookupsPerIteration = 1 << 20;

    /// <summary>Loads the benchmark's index of <paramref name="activeSignals"/> signals and times its lookups.</summary>
    public static int Run(Assembly benchmarks, int activeSignals, int iterations)
    {
        const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
        var benchmarkType = benchmarks.GetType("CareCoordination.Sdk.Benchmarks.LookupBenchmarks", throwOnError: true)!;
        var benchmark = Activator.CreateInstance(benchmarkType)!;
        benchmarkType.GetProperty("ActiveSignals")!.SetValue(benchmark, activeSignals);
        benchmarkType.GetMethod("SetUpIndex", Any)!.Invoke(benchmark, null);
        var lookUp = benchmarkType.GetMethod("ReferenceIndex")!.CreateDelegate<Func<int>>(benchmark);
        var run = TimedIterations.Run(lookUp, LookupsPerIteration, iterations, "lookups", null);
        Console.WriteLine(FormattableString.Invariant($"{activeSignals} active signals, lookups: {run.Summary}, {run.Total} signals found"));
        return 0;
    }
}
