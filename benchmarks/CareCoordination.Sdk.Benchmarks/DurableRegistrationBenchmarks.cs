using System;
using BenchmarkDotNet.Attributes;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using NodaTime;
using NodaTime.Testing;

namespace CareCoordination.Sdk.Benchmarks;

/// <summary>
/// One registration with its matches, acknowledged only once the store has it, in an index of 100,000 signals:
/// the plain in-memory index (baseline), the in-memory store, a SQLite file with full sync, and PostgreSQL on loopback.
/// Single: each registration is its own transaction. Batched: <see cref="ReferenceIndex.RegisterBatch"/> of
/// <see cref="BatchSize"/> registrations in one transaction, reported per registration. The untimed cleanup withdraws
/// the iteration's registrations. Eight warm-up iterations let the JIT reach its optimised tier before measuring.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(256)]
[SimpleJob(launchCount: 1, warmupCount: 8, iterationCount: 10)]
public class DurableRegistrationBenchmarks
{
    private const int ActiveSignals = 100_000;
    private const int BatchSize = 32;
    private readonly Match[] _matches = new Match[8];
    private IndexData _data = null!;
    private ReferenceIndex _index = null!;
    private ISignalStore? _store;
    private SignalRegistration[] _registrations = null!;
    private int _next;

    [GlobalSetup(Targets = [nameof(PlainIndex), nameof(PlainIndexBatched)])]
    public void SetUpPlain() => SetUp(null);

    [GlobalSetup(Target = nameof(InMemoryStore))]
    public void SetUpInMemory() => SetUp(StoreKind.InMemory);

    [GlobalSetup(Targets = [nameof(Sqlite), nameof(SqliteBatched)])]
    public void SetUpSqlite() => SetUp(StoreKind.Sqlite);

    [GlobalSetup(Targets = [nameof(PostgreSql), nameof(PostgreSqlBatched)])]
    public void SetUpPostgreSql() => SetUp(StoreKind.PostgreSql);

    [Benchmark(Baseline = true, Description = "in-memory index, no store")]
    public int PlainIndex() => Register();

    [Benchmark(Description = "in-memory store")]
    public int InMemoryStore() => Register();

    [Benchmark(Description = "SQLite file, full sync")]
    public int Sqlite() => Register();

    [Benchmark(Description = "PostgreSQL on loopback")]
    public int PostgreSql() => Register();

    [Benchmark(Description = "in-memory index, no store, batches of 32", OperationsPerInvoke = BatchSize)]
    public int PlainIndexBatched() => RegisterBatch();

    [Benchmark(Description = "SQLite file, full sync, batches of 32", OperationsPerInvoke = BatchSize)]
    public int SqliteBatched() => RegisterBatch();

    [Benchmark(Description = "PostgreSQL on loopback, batches of 32", OperationsPerInvoke = BatchSize)]
    public int PostgreSqlBatched() => RegisterBatch();

    [IterationCleanup]
    public void CleanUp()
    {
        var organisation = new OrganisationId(IndexData.NewOrganisation);
        for (var i = 0; i < _next; i++)
        {
            _index.Withdraw(_registrations[i].Youth.Bsn, organisation, WithdrawalReason.Unjustified);
        }

        _next = 0;
    }

    [GlobalCleanup]
    public void TearDown() => (_store as IDisposable)?.Dispose();

    private int Register() => _index.Register(_registrations[_next++], _matches).MatchCount;

    private int RegisterBatch()
    {
        var results = _index.RegisterBatch(new ArraySegment<SignalRegistration>(_registrations, _next, BatchSize));
        _next += BatchSize;
        return results.Count;
    }

    private void SetUp(StoreKind? kind)
    {
        _data = new IndexData(ActiveSignals);
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0));
        if (kind is { } store)
        {
            _store = StoreFixture.Prepare(store, _data)();
            _index = new ReferenceIndex(RegionPolicy.Default, IndexData.CreateDirectory(), clock, _store);
        }
        else
        {
            _index = _data.LoadIndex(clock);
        }

        _registrations = Array.ConvertAll(_data.Pool, y => _data.Registration(y, IndexData.NewOrganisation));
    }
}
