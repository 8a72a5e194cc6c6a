using System.Globalization;
using System.IO;
using Spectre.Console;

namespace CareCoordination.Sdk.Bench.Reporting;

/// <summary>The short version of the report on the console: one table row per client count and the verdict.</summary>
internal static class ConsoleSummary
{
    public static void Show(IAnsiConsole console, BenchResult result, string folder)
    {
        var c = CultureInfo.InvariantCulture;
        var table = new Table().Title("Reference index benchmark").AddColumns("clients", "reg / s", "p50 µs", "p99 µs", "client matches", "family matches", "archived matches", "peak memory", "store", "rebuild");
        foreach (var run in result.Runs)
        {
            var register = run.Latencies[0];
            table.AddRow(
                run.Clients.ToString(c),
                run.Throughput.ToString("N0", c),
                register.P50.ToString("0.0", c),
                register.P99.ToString("0.0", c),
                run.SameYouthMatches.ToString("N0", c),
                run.FamilyMatches.ToString("N0", c),
                run.ArchivedMatches.ToString("N0", c),
                Verdict.Bytes(run.PeakWorkingSetBytes),
                run.StoreBytes is { } s ? Verdict.Bytes(s) : "n/a",
                run.RebuildSeconds is { } r ? r.ToString("0.## s", c) : "n/a");
        }

        console.Write(table);
        console.WriteLine(Verdict.Of(result).Sentence(result));
        console.WriteLine("Report: " + Path.Combine(folder, "report.html") + " and report.md");
    }
}
