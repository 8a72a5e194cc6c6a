using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;

namespace CareCoordination.Sdk.InstructionProbe;

/// <summary>
/// The probe's loop, for registrations and lookups alike: iterations of timed calls, with callgrind counting only the
/// calls of the last <c>PROBE_CALLGRIND</c> iterations (with <c>PROBE_EMPTY=1</c> those iterations make no call, so
/// that what switching costs can be subtracted), anything the calls allocate reported, and the untimed work between
/// iterations left out of both.
/// </summary>
internal sealed class TimedIterations
{
    private readonly double[] _last;

    private TimedIterations(double[] last, long total)
    {
        _last = last;
        Total = total;
    }

    /// <summary>Gets the sum of what the calls returned.</summary>
    public long Total { get; }

    /// <summary>Gets the median and the fastest of the last ten iterations, in ns a call.</summary>
    public string Summary => FormattableString.Invariant($"median of the last {_last.Length} iterations {_last[_last.Length / 2]:F1} ns, fastest {_last[0]:F1} ns");

    /// <summary>Runs <paramref name="iterations"/> iterations of <paramref name="perIteration"/> calls each.</summary>
    /// <param name="operation">One call.</param>
    /// <param name="perIteration">The calls an iteration makes.</param>
    /// <param name="iterations">The iterations.</param>
    /// <param name="calls">What the calls are, for the allocation report.</param>
    /// <param name="afterIteration">Untimed and uncounted work after each iteration, such as a cleanup.</param>
    public static TimedIterations Run(Func<int> operation, int perIteration, int iterations, string calls, Action? afterIteration)
    {
        var measured = int.Parse(Environment.GetEnvironmentVariable("PROBE_CALLGRIND") ?? "0", CultureInfo.InvariantCulture);
        var empty = Environment.GetEnvironmentVariable("PROBE_EMPTY") == "1";
        var times = new List<double>();
        long total = 0;
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var instrumented = iteration >= iterations - measured;
            var count = instrumented && empty ? 0 : perIteration;
            if (instrumented)
            {
                Callgrind.Start();
            }

            // A timestamp, not a Stopwatch object: the stopwatch's own 40 bytes were reported as the calls'.
            var before = GC.GetAllocatedBytesForCurrentThread();
            var started = Stopwatch.GetTimestamp();
            for (var k = 0; k < count; k++)
            {
                total += operation();
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (instrumented)
            {
                Callgrind.Stop();
            }

            if (count > 0)
            {
                times.Add(elapsed.TotalNanoseconds / count);
            }

            if (allocated > 0 && !instrumented)
            {
                Console.Error.WriteLine($"iteration {iteration}: {allocated} B allocated by {count} {calls}");
            }

            afterIteration?.Invoke();
        }

        return new TimedIterations(times.TakeLast(10).Order().ToArray(), total);
    }
}
