using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using CareCoordination.Sdk.Benchmarks.Baselines;
using CareCoordination.Sdk.Benchmarks.Replay;
using CareCoordination.Sdk.Privacy;

namespace CareCoordination.Sdk.Benchmarks;

/// <summary>
/// Five simulated years of a region's registrations, replayed through each index from empty: the bench tool's seeded
/// generator with issue 17's shares (families of one to four, Zipf-sized organisations, 15 % follow-ups of which a
/// quarter renewals, 3 % siblings), and each night the daily job on a fake clock. One invocation is a whole replay of
/// millions of registrations, so the job runs few iterations and the columns divide by the registrations; the workload
/// is generated once per process, untimed. Judge by Ratio and Alloc Ratio against the naive dictionary. The index runs
/// as it starts by default, its tables growing with the region, and reserved as a host that knows its region's size
/// starts it (<see cref="Sdk.Index.ReferenceIndex.EnsureCapacity(int, int, int)"/>).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Columns))]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
public class ReplayBenchmarks : IDisposable
{
    private ReplayWorkload _workload = null!;
    private ReplayTarget? _target;
    private ReplayCounts? _counts;
    private long _heapBefore;
    private string _method = "";

    [ParamsSource(nameof(Sizes))]
    public RegionSize Size { get; set; } = null!;

    public static IEnumerable<RegionSize> Sizes => RegionSize.Selected();

    [GlobalSetup(Target = nameof(NaiveDictionary))]
    public void SetUpNaive() => Generate(nameof(NaiveDictionary));

    [GlobalSetup(Target = nameof(Sqlite))]
    public void SetUpSqlite() => Generate(nameof(Sqlite));

    [GlobalSetup(Target = nameof(ReferenceIndex))]
    public void SetUpIndex() => Generate(nameof(ReferenceIndex));

    [GlobalSetup(Target = nameof(ReservedIndex))]
    public void SetUpReservedIndex() => Generate(nameof(ReservedIndex));

    [GlobalSetup(Target = nameof(PseudonymisedIndex))]
    public void SetUpPseudonymisedIndex() => Generate(nameof(PseudonymisedIndex));

    [GlobalSetup(Target = nameof(PseudonymisedAesIndex))]
    public void SetUpPseudonymisedAesIndex() => Generate(nameof(PseudonymisedAesIndex));

    [GlobalSetup(Target = nameof(TunedLayout))]
    public void SetUpTunedLayout() => Generate(nameof(TunedLayout));

    [IterationSetup(Target = nameof(NaiveDictionary))]
    public void EmptyNaive() => Empty(() => new NaiveReplayIndex(_workload));

    [IterationSetup(Target = nameof(Sqlite))]
    public void EmptySqlite() => Empty(() => new SqliteReplayIndex(_workload));

    [IterationSetup(Target = nameof(ReferenceIndex))]
    public void EmptyIndex() => Empty(() => new SdkReplay(_workload));

    [IterationSetup(Target = nameof(ReservedIndex))]
    public void EmptyReservedIndex() => Empty(() => new SdkReplay(_workload, presized: true));

    [IterationSetup(Target = nameof(PseudonymisedIndex))]
    public void EmptyPseudonymisedIndex() => Empty(() => new SdkReplay(_workload, pseudonymiser: Pseudonymiser()));

    [IterationSetup(Target = nameof(PseudonymisedAesIndex))]
    public void EmptyPseudonymisedAesIndex() => Empty(() => new SdkReplay(_workload, pseudonymiser: Pseudonymiser(PseudonymisationScheme.FeistelAes)));

    [IterationSetup(Target = nameof(TunedLayout))]
    public void EmptyTunedLayout() => Empty(() => new TunedReplayIndex(_workload));

    [Benchmark(Baseline = true, Description = "Dictionary + LINQ")]
    public long NaiveDictionary() => Replay();

    [Benchmark(Description = "SQLite in memory")]
    public long Sqlite() => Replay();

    [Benchmark(Description = "ReferenceIndex")]
    public long ReferenceIndex() => Replay();

    [Benchmark(Description = "ReferenceIndex, tables reserved")]
    public long ReservedIndex() => Replay();

    [Benchmark(Description = "ReferenceIndex, pseudonymised")]
    public long PseudonymisedIndex() => Replay();

    [Benchmark(Description = "ReferenceIndex, pseudonymised on AES-NI")]
    public long PseudonymisedAesIndex() => Replay();

    [Benchmark(Description = "tuned layout, the rules only")]
    public long TunedLayout() => Replay();

    /// <summary>The pseudonymiser of a region that keeps no BSN in its index, with a fixed benchmark key.</summary>
    /// <param name="scheme">The permutation; <see langword="null"/> for the default.</param>
    /// <returns>A pseudonymiser.</returns>
    public static YouthPseudonymiser Pseudonymiser(PseudonymisationScheme? scheme = null)
    {
        var key = Enumerable.Range(0, 32).Select(i => (byte)((i * 13) + 7)).ToArray();
        return scheme is { } chosen ? new YouthPseudonymiser(key, chosen) : new YouthPseudonymiser(key);
    }

    [IterationCleanup]
    public void WriteFigures()
    {
        // Measured before the index is let go, so the heap figure is what the index holds after five years.
        var heap = GC.GetTotalMemory(forceFullCollection: true) - _heapBefore;
        GC.KeepAlive(_target);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        ReplayFigures.Write(_method, Size, _counts!, heap, process.PeakWorkingSet64);
        _target?.Dispose();
        _target = null;
    }

    public void Dispose()
    {
        _target?.Dispose();
        GC.SuppressFinalize(this);
    }

    private void Generate(string method)
    {
        _method = method;
        ReplayFigures.Forget(method, Size);
        var started = Stopwatch.GetTimestamp();
        _workload = ReplayWorkload.Generate(Size.Youths, Size.Registrations);

        // In the log only: generating the larger regions takes a while, and this says how long before the first iteration.
        Console.WriteLine($"// Generated {_workload.Count:N0} registrations over {_workload.Days:N0} days in {Stopwatch.GetElapsedTime(started).TotalSeconds:N1} s");
    }

    // The heap is read before the target is made, so that what an index reserves at its start counts as held.
    private void Empty(Func<ReplayTarget> target)
    {
        _heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        _target = target();
    }

    private long Replay()
    {
        _counts = _target!.Run();
        return _counts.Registrations;
    }

    private sealed class Columns : ManualConfig
    {
        public Columns() => AddColumn(ReplayColumn.All);
    }
}
