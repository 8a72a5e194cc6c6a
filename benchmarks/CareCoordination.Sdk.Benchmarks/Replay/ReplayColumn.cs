using System;
using System.Collections.Generic;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace CareCoordination.Sdk.Benchmarks.Replay;

/// <summary>
/// A column of the replay's summary: per registration rather than per replay (BenchmarkDotNet's Mean and Allocated are
/// for a whole replay of millions of registrations), or a figure the benchmark process wrote (<see cref="ReplayFigures"/>).
/// </summary>
internal sealed class ReplayColumn : IColumn
{
    private readonly Func<Summary, BenchmarkCase, IReadOnlyDictionary<string, double>, string> _value;

    private ReplayColumn(string name, string legend, Func<Summary, BenchmarkCase, IReadOnlyDictionary<string, double>, string> value)
    {
        ColumnName = name;
        Legend = legend;
        _value = value;
    }

    public static IColumn[] All { get; } =
    [
        new ReplayColumn("ns/reg incl. jobs", "Mean time of a whole replay (registrations and daily jobs) divided by its registrations", (s, c, f) =>
            s[c]?.ResultStatistics is { } stats ? Number(stats.Mean / f["registrations"], "N0") : "?"),
        new ReplayColumn("ns/reg excl. jobs", "Time spent registering (families included) per registration, median of the replays after the warm-up", (_, _, f) => Number(f["registration-ns"], "N0")),
        new ReplayColumn("B/reg", "Bytes allocated per registration (Allocated / registrations), daily jobs included", (s, c, f) =>
            s[c]?.GcStats.GetBytesAllocatedPerOperation(c) is { } bytes ? Number(bytes / f["registrations"], "N1") : "?"),
        new ReplayColumn("job/day", "Mean cost of one daily job (ExpireDue), median of the replays after the warm-up", (_, _, f) => Micro(f["job-us-per-day"])),
        new ReplayColumn("slowest job", "The slowest daily job of a replay, median of the replays after the warm-up", (_, _, f) => Micro(f["slowest-job-us"])),
        new ReplayColumn("heap", "Managed heap the index holds at the end of the replay", (_, _, f) => Number(f["heap-bytes"] / (1 << 20), "N0") + " MiB"),
        new ReplayColumn("peak WS", "Peak working set of the benchmark process (workload included)", (_, _, f) => Number(f["peak-working-set-bytes"] / (1 << 20), "N0") + " MiB"),
        new ReplayColumn("registrations", "Registrations replayed", (_, _, f) => Number(f["registrations"], "N0")),
        new ReplayColumn("renewed", "Registrations that renewed the organisation's own signal", (_, _, f) => Number(f["renewed"], "N0")),
        new ReplayColumn("same-youth", "Matches with another organisation's signal on the same youth", (_, _, f) => Number(f["same-youth"], "N0")),
        new ReplayColumn("family", "Matches with a signal on a brother or sister", (_, _, f) => Number(f["family"], "N0")),
        new ReplayColumn("archived", "Archived signals offered", (_, _, f) => Number(f["archived"], "N0")),
        new ReplayColumn("to archive", "Signals the daily jobs archived", (_, _, f) => Number(f["to-archive"], "N0")),
        new ReplayColumn("removed at 23", "Signals the daily jobs removed because the youth turned 23", (_, _, f) => Number(f["removed-at-limit"], "N0")),
    ];

    public string Id => nameof(ReplayColumn) + "." + ColumnName;

    public string ColumnName { get; }

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => Array.IndexOf(All, this);

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend { get; }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var size = benchmarkCase.Parameters[nameof(ReplayBenchmarks.Size)]?.ToString() ?? "";
        var figures = ReplayFigures.Read(benchmarkCase.Descriptor.WorkloadMethod.Name, size);
        return figures is null ? "-" : _value(summary, benchmarkCase, figures);
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public override string ToString() => ColumnName;

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Micro(double microseconds) => microseconds >= 1000
        ? Number(microseconds / 1000, "N2") + " ms"
        : Number(microseconds, "N0") + " μs";
}
