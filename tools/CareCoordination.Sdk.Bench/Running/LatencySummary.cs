using System;
using System.Diagnostics;

namespace CareCoordination.Sdk.Bench.Running;

/// <summary>Percentiles of one operation's latency, in microseconds.</summary>
internal sealed record LatencySummary(string Operation, long Count, double MeanMicroseconds, double P50, double P95, double P99, double Max)
{
    /// <summary>Summarises Stopwatch tick counts; sorts <paramref name="ticks"/> in place.</summary>
    public static LatencySummary Of(string operation, Span<long> ticks)
    {
        if (ticks.Length == 0)
        {
            return new LatencySummary(operation, 0, 0, 0, 0, 0, 0);
        }

        ticks.Sort();
        double total = 0;
        foreach (var t in ticks)
        {
            total += t;
        }

        return new LatencySummary(
            operation,
            ticks.Length,
            Micro(total / ticks.Length),
            Micro(Percentile(ticks, 0.50)),
            Micro(Percentile(ticks, 0.95)),
            Micro(Percentile(ticks, 0.99)),
            Micro(ticks[^1]));
    }

    /// <summary>The nearest-rank percentile of sorted values.</summary>
    public static long Percentile(ReadOnlySpan<long> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    public static double Micro(double ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
}
