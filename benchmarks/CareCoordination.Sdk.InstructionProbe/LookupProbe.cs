using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
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
        var measured = int.Parse(Environment.GetEnvironmentVariable("PROBE_CALLGRIND") ?? "0", CultureInfo.InvariantCulture);
        var empty = Environment.GetEnvironmentVariable("PROBE_EMPTY") == "1";
        var times = new List<double>();
        long found = 0;
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var instrumented = iteration >= iterations - measured;
            var count = instrumented && empty ? 0 : LookupsPerIteration;
            if (instrumented)
            {
                Callgrind.Start();
            }

            var watch = Stopwatch.StartNew();
            for (var k = 0; k < count; k++)
            {
                found += lookUp();
            }

            watch.Stop();
            if (instrumented)
            {
                Callgrind.Stop();
            }

            if (count > 0)
            {
                times.Add(watch.Elapsed.TotalNanoseconds / count);
            }
        }

        var last = times.TakeLast(10).Order().ToArray();
        Console.WriteLine(FormattableString.Invariant($"{activeSignals} active signals, lookups: median of the last {last.Length} iterations {last[last.Length / 2]:F1} ns, fastest {last[0]:F1} ns, {found} signals found"));
        return 0;
    }
}
