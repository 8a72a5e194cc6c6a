using System;
using BenchmarkDotNet.Attributes;
using CareCoordination.Sdk.Benchmarks.Baselines;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Benchmarks;

/// <summary>Looking up the active signals on a random youth in an index of N active signals.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class LookupBenchmarks : IDisposable
{
    private IndexData _data = null!;
    private ReferenceIndex _index = null!;
    private NaiveDictionaryIndex _naive = null!;
    private SqliteIndex _sqlite = null!;
    private Bsn[] _bsns = null!;
    private string[] _bsnStrings = null!;
    private int[] _bsnNumbers = null!;
    private Signal[] _buffer = null!;
    private int _next;

    [Params(100_000, 1_000_000, 10_000_000)]
    public int ActiveSignals { get; set; }

    [GlobalSetup(Target = nameof(ReferenceIndex))]
    public void SetUpIndex()
    {
        _data = new IndexData(ActiveSignals);
        _index = _data.LoadIndex();
        _bsns = Array.ConvertAll(_data.Lookups, y => _data.Youths[y]);
        _buffer = new Signal[8];
    }

    [GlobalSetup(Target = nameof(NaiveDictionary))]
    public void SetUpNaive()
    {
        _data = new IndexData(ActiveSignals);
        _naive = _data.LoadNaive();
        _bsnStrings = Array.ConvertAll(_data.Lookups, y => _data.Youths[y].RevealDigits());
    }

    [GlobalSetup(Target = nameof(Sqlite))]
    public void SetUpSqlite()
    {
        _data = new IndexData(ActiveSignals);
        _sqlite = _data.LoadSqlite();
        _bsnNumbers = Array.ConvertAll(_data.Lookups, y => _data.Youths[y].RevealNumber());
    }

    [Benchmark(Baseline = true, Description = "Dictionary<string, List> + LINQ")]
    public int NaiveDictionary() => _naive.Lookup(_bsnStrings[_next++ & (IndexData.PoolSize - 1)]).Count;

    [Benchmark(Description = "SQLite in memory, indexed")]
    public int Sqlite() => _sqlite.Lookup(_bsnNumbers[_next++ & (IndexData.PoolSize - 1)]);

    [Benchmark(Description = "ReferenceIndex")]
    public int ReferenceIndex() => _index.GetActiveSignals(_bsns[_next++ & (IndexData.PoolSize - 1)], _buffer);

    [GlobalCleanup]
    public void Dispose()
    {
        _sqlite?.Dispose();
        GC.SuppressFinalize(this);
    }
}
