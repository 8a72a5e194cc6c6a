using System;
using System.Globalization;
using System.Linq;

namespace CareCoordination.Sdk.Bench.Reporting;

/// <summary>
/// The plain answer at the end of a report: what share of this machine the region's expected load needs, and the
/// headroom. The expected load is the workload itself: the registrations a year it holds, arriving on 250 working
/// days of 8 hours, with a busiest hour of three times the average working hour.
/// </summary>
internal sealed record Verdict(double RegistrationsPerYear, double BusiestHourPerSecond, double CapacityPerSecond, int CapacityClients, double CapacityShare, double MemoryShare, long? StoreBytes, long? StoreBytesWhenArchiveFull)
{
    public const int WorkingDays = 250;
    public const int WorkingHours = 8;
    public const double BusiestHourFactor = 3;

    /// <summary>Years a signal stays: two active, five in the archive (Jeugdwet defaults); the store grows until then.</summary>
    public const int RetentionYears = 7;

    public double Headroom => CapacityShare > 0 ? 1 / CapacityShare : double.PositiveInfinity;

    public bool Holds => CapacityShare < 0.5 && MemoryShare < 0.5;

    public static Verdict Of(BenchResult result)
    {
        var perYear = result.Registrations / Math.Max(result.Years, 1.0 / 365.25);
        var busiest = perYear / (WorkingDays * WorkingHours * 3600.0) * BusiestHourFactor;
        var best = result.Runs.MaxBy(r => r.Throughput)!;
        var first = result.Runs[0];
        var memoryShare = (double)result.Runs.Max(r => r.PeakWorkingSetBytes) / Math.Max(1, result.Machine.MemoryBytes);
        long? full = first.StoreBytes is { } bytes && result.Years > 0 ? (long)(bytes / result.Years * Math.Max(RetentionYears, result.Years)) : null;
        return new Verdict(perYear, busiest, best.Throughput, best.Clients, best.Throughput > 0 ? busiest / best.Throughput : double.PositiveInfinity, memoryShare, first.StoreBytes, full);
    }

    public string Sentence(BenchResult result)
    {
        var c = CultureInfo.InvariantCulture;
        var head = Holds ? "This machine holds your region." : "This machine is too small for your region: see the shares below.";
        var text = string.Create(c, $"{head} Your region ({result.Youths:N0} youths, about {RegistrationsPerYear:N0} registrations a year) needs {Percent(CapacityShare)} of this machine's registration capacity in its busiest hour ({BusiestHourPerSecond:0.###} registrations a second against {CapacityPerSecond:N0} measured with {CapacityClients} client(s)): headroom {Times(Headroom)}. ");
        text += string.Create(c, $"The process peaked at {Bytes(result.Runs.Max(r => r.PeakWorkingSetBytes))} of memory, {Percent(MemoryShare)} of this machine's {Bytes(result.Machine.MemoryBytes)}.");
        if (StoreBytes is { } store)
        {
            text += string.Create(c, $" The store took {Bytes(store)} on disk after {result.Years:0.#} simulated year(s); at this rate about {Bytes(StoreBytesWhenArchiveFull ?? store)} once the archive is full ({RetentionYears} years).");
        }

        if (result.Runs[0].RebuildSeconds is { } rebuild)
        {
            text += string.Create(c, $" A restart rebuilds the index from the store in {rebuild:0.##} s.");
        }

        return text;
    }

    public static string Percent(double share) => share switch
    {
        < 0.0001 => "less than 0.01%",
        < 0.01 => (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%",
        _ => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%",
    };

    public static string Times(double factor) => double.IsInfinity(factor) ? "unbounded" : factor.ToString(factor >= 100 ? "N0" : "0.#", CultureInfo.InvariantCulture) + "×";

    public static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => (bytes / (double)(1L << 30)).ToString("0.##", CultureInfo.InvariantCulture) + " GiB",
        >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("0.#", CultureInfo.InvariantCulture) + " MiB",
        >= 1L << 10 => (bytes / (double)(1L << 10)).ToString("0", CultureInfo.InvariantCulture) + " KiB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " B",
    };
}
