using System;
using BenchmarkDotNet.Attributes;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using NodaTime;
using NodaTime.Testing;

namespace CareCoordination.Sdk.Benchmarks;

/// <summary>
/// Start-up: rebuilding the in-memory index from a store that holds N signals, against registering the same N
/// signals into a fresh in-memory index.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3, invocationCount: 1)]
public class RebuildBenchmarks
{
    private IndexData _data = null!;
    private Func<ISignalStore> _open = null!;
    private ISignalStore? _opened;

    [Params(1_000_000, 10_000_000)]
    public int Signals { get; set; }

    [GlobalSetup(Target = nameof(RegisterAll))]
    public void SetUpRegistration() => _data = new IndexData(Signals);

    [GlobalSetup(Target = nameof(RebuildFromSqlite))]
    public void SetUpSqlite()
    {
        _data = new IndexData(Signals);
        _open = StoreFixture.Prepare(StoreKind.Sqlite, _data);
    }

    [GlobalSetup(Target = nameof(RebuildFromPostgreSql))]
    public void SetUpPostgreSql()
    {
        _data = new IndexData(Signals);
        _open = StoreFixture.Prepare(StoreKind.PostgreSql, _data);
    }

    [Benchmark(Baseline = true, Description = "register N into a fresh in-memory index")]
    public int RegisterAll() => _data.LoadIndex().ActiveSignalCount;

    [Benchmark(Description = "rebuild from SQLite")]
    public int RebuildFromSqlite() => Rebuild();

    [Benchmark(Description = "rebuild from PostgreSQL")]
    public int RebuildFromPostgreSql() => Rebuild();

    [IterationCleanup]
    public void CloseStore()
    {
        (_opened as IDisposable)?.Dispose();
        _opened = null;
    }

    private int Rebuild()
    {
        _opened = _open();
        return new ReferenceIndex(RegionPolicy.Default, IndexData.CreateDirectory(), new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0)), _opened).ActiveSignalCount;
    }
}
