using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace CareCoordination.Sdk.Benchmarks.Replay;

/// <summary>
/// What a replay measured beyond BenchmarkDotNet's time and allocation: counts, the split between registrations and
/// daily jobs, the heap the index holds, peak memory. BenchmarkDotNet runs each benchmark in its own process, so the
/// benchmark writes them to a file and the summary's columns read them back.
/// </summary>
/// <remarks>
/// The times are the median of the replays the process ran after its first (BenchmarkDotNet's warm-up): its timed
/// iterations and the replay its memory diagnoser runs after them. The last replay alone is not one of the timed
/// iterations, and on this VM one replay can differ from the next by a quarter.
/// </remarks>
internal static class ReplayFigures
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "carecoordination-replay-benchmarks");
    private static readonly List<(double RegistrationNs, double JobUs, double SlowestJobUs)> Replays = [];

    public static void Write(string method, RegionSize size, ReplayCounts counts, long heapBytes, long peakWorkingSetBytes)
    {
        Directory.CreateDirectory(Folder);
        Replays.Add((counts.RegistrationNanosecondsEach, counts.JobMicrosecondsPerDay, counts.SlowestJobMicroseconds));
        var measured = Replays.Count > 1 ? Replays.Skip(1).ToList() : Replays;
        var figures = new Dictionary<string, double>
        {
            ["registrations"] = counts.Registrations,
            ["registered"] = counts.Registered,
            ["renewed"] = counts.Renewed,
            ["refused"] = counts.Refused,
            ["same-youth"] = counts.SameYouthMatches,
            ["family"] = counts.FamilyMatches,
            ["archived"] = counts.ArchivedMatches,
            ["to-archive"] = counts.ExpiredToArchive,
            ["removed-at-limit"] = counts.RemovedAtAgeLimit,
            ["registration-ns"] = Median(measured.Select(r => r.RegistrationNs)),
            ["job-us-per-day"] = Median(measured.Select(r => r.JobUs)),
            ["slowest-job-us"] = Median(measured.Select(r => r.SlowestJobUs)),
            ["replays"] = measured.Count,
            ["heap-bytes"] = heapBytes,
            ["peak-working-set-bytes"] = peakWorkingSetBytes,
        };
        File.WriteAllLines(PathOf(method, size), figures.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Key}={f.Value:R}")));
    }

    /// <summary>Removes what an earlier run wrote, so a failed benchmark shows no figures rather than stale ones.</summary>
    public static void Forget(string method, RegionSize size)
    {
        Replays.Clear();
        Directory.CreateDirectory(Folder);
        File.Delete(PathOf(method, size));
    }

    public static IReadOnlyDictionary<string, double>? Read(string method, string size)
    {
        var path = PathOf(method, size);
        if (!File.Exists(path))
        {
            return null;
        }

        return File.ReadAllLines(path)
            .Select(line => line.Split('=', 2))
            .ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string PathOf(string method, object size) =>
        Path.Combine(Folder, $"{method}-{size.ToString()!.Replace('/', '-')}.txt");
}
