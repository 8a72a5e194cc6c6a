using System;
using System.Collections.Generic;

namespace CareCoordination.Sdk.Benchmarks;

/// <summary>How many of one kind of request completed, how many a second, and their latency percentiles in milliseconds.</summary>
internal sealed record OperationFigures(int Count, double PerSecond, double P50, double P95, double P99)
{
    public static OperationFigures Of(List<double> latencies, TimeSpan elapsed)
    {
        var sorted = latencies.ToArray();
        Array.Sort(sorted);
        return new OperationFigures(sorted.Length, sorted.Length / elapsed.TotalSeconds, At(sorted, 0.50), At(sorted, 0.95), At(sorted, 0.99));
    }

    public override string ToString() =>
        FormattableString.Invariant($"{PerSecond,8:N0}/s ({Count:N0}), p50 {P50,7:F2} ms, p95 {P95,7:F2} ms, p99 {P99,7:F2} ms");

    private static double At(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
