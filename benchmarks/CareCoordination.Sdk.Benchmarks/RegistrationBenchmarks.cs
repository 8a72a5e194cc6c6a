using System;
using BenchmarkDotNet.Attributes;
using CareCoordination.Sdk.Benchmarks.Baselines;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Benchmarks;

/// <summary>
/// Registering a new signal that finds its matches, in an index that already holds N active signals. Each iteration
/// registers the pool of distinct new registrations once (each finds one or two matches) and the untimed cleanup
/// withdraws them again, so the index stays at N. An iteration is short, so the job warms up for 20 iterations: fewer
/// would measure the JIT's unoptimised first tier.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(IndexData.PoolSize / 2)]
[SimpleJob(launchCount: 1, warmupCount: 20, iterationCount: 10)]
public class RegistrationBenchmarks : IDisposable
{
    private IndexData _data = null!;
    private ReferenceIndex _index = null!;
    private NaiveDictionaryIndex _naive = null!;
    private SqliteIndex _sqlite = null!;
    private SignalRegistration[] _registrations = null!;
    private string[] _bsnStrings = null!;
    private int[] _bsnNumbers = null!;
    private Match[] _matches = null!;
    private int _next;
    private readonly Instant _now = Instant.FromUtc(2026, 11, 23, 9, 0);

    [Params(100_000, 1_000_000, 10_000_000)]
    public int ActiveSignals { get; set; }

    [GlobalSetup(Target = nameof(ReferenceIndex))]
    public void SetUpIndex()
    {
        Prepare();
        _index = _data.LoadIndexRegisteredOverTime();
        _registrations = Array.ConvertAll(_data.Pool, y => _data.Registration(y, IndexData.NewOrganisation));
        _matches = new Match[8];
    }

    [GlobalSetup(Target = nameof(ReferenceIndexWithFamilies))]
    public void SetUpIndexWithFamilies()
    {
        SetUpIndex();
        _data.AddFamilies(_index);
    }

    [GlobalSetup(Target = nameof(NaiveDictionary))]
    public void SetUpNaive()
    {
        Prepare();
        _naive = _data.LoadNaive();
        _bsnStrings = Array.ConvertAll(_data.Pool, y => _data.Youths[y].RevealDigits());
    }

    [GlobalSetup(Target = nameof(Sqlite))]
    public void SetUpSqlite()
    {
        Prepare();
        _sqlite = _data.LoadSqlite();
        _bsnNumbers = Array.ConvertAll(_data.Pool, y => _data.Youths[y].RevealNumber());
    }

    [Benchmark(Baseline = true, Description = "Dictionary<string, List> + LINQ")]
    public int NaiveDictionary() =>
        _naive.Register(_bsnStrings[_next++], IndexData.NewOrganisation, IndexData.ReporterOf(IndexData.NewOrganisation).Value, _now);

    [Benchmark(Description = "SQLite in memory, indexed")]
    public int Sqlite() =>
        _sqlite.Register(_bsnNumbers[_next++], IndexData.NewOrganisation, IndexData.ReporterOf(IndexData.NewOrganisation).Value, 1, 1);

    [Benchmark(Description = "ReferenceIndex")]
    public int ReferenceIndex() => _index.Register(_registrations[_next++], _matches).MatchCount;

    [Benchmark(Description = "ReferenceIndex, households and a shared parent")]
    public int ReferenceIndexWithFamilies() => _index.Register(_registrations[_next++], _matches).MatchCount;

    [IterationCleanup(Targets = [nameof(ReferenceIndex), nameof(ReferenceIndexWithFamilies)])]
    public void CleanUpIndex()
    {
        var organisation = new OrganisationId(IndexData.NewOrganisation);
        for (var i = 0; i < _next; i++)
        {
            _index.Withdraw(_registrations[i].Youth.Bsn, organisation, WithdrawalReason.Unjustified);
        }

        _next = 0;
    }

    [IterationCleanup(Target = nameof(NaiveDictionary))]
    public void CleanUpNaive()
    {
        for (var i = 0; i < _next; i++)
        {
            _naive.Withdraw(_bsnStrings[i], IndexData.NewOrganisation);
        }

        _next = 0;
    }

    [IterationCleanup(Target = nameof(Sqlite))]
    public void CleanUpSqlite()
    {
        _sqlite.RemoveOrganisation(IndexData.NewOrganisation);
        _next = 0;
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _sqlite?.Dispose();
        GC.SuppressFinalize(this);
    }

    private void Prepare()
    {
        _data = new IndexData(ActiveSignals);
        _next = 0;
    }
}
