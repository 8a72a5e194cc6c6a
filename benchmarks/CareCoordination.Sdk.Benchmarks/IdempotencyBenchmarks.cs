using BenchmarkDotNet.Attributes;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Signals;

namespace CareCoordination.Sdk.Benchmarks;

/// <summary>
/// Withdrawing N signals while N keyed answers are remembered, each naming one of them: the removals find the answers
/// they change through the memory's list by signal, so N removals against N keys cost in proportion to N. The baseline
/// withdraws the same signals from an index that remembers no keys.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8, invocationCount: 1)]
public class IdempotencyBenchmarks
{
    private IndexData _data = null!;
    private ReferenceIndex _index = null!;

    [Params(5_000, 20_000)]
    public int Keys { get; set; }

    [IterationSetup(Target = nameof(WithoutKeys))]
    public void SetUpWithoutKeys() => _index = Load(keyed: false);

    [IterationSetup(Target = nameof(WithKeys))]
    public void SetUpWithKeys() => _index = Load(keyed: true);

    [Benchmark(Baseline = true, Description = "withdraw N, no keys remembered")]
    public int WithoutKeys() => WithdrawAll();

    [Benchmark(Description = "withdraw N, N keys remembered")]
    public int WithKeys() => WithdrawAll();

    private int WithdrawAll()
    {
        for (var youth = 0; youth < Keys; youth++)
        {
            _index.Withdraw(_data.Youths[youth], new Organisations.OrganisationId(1 + (youth % IndexData.BaseOrganisationCount)), WithdrawalReason.Unjustified);
        }

        return _index.ActiveSignalCount;
    }

    // Each youth holds a signal of one organisation, and a keyed registration of another that matched it.
    private ReferenceIndex Load(bool keyed)
    {
        // IndexData numbers three youths for every four signals: twice the keys gives a youth to each.
        _data = new IndexData(Keys * 2);
        var index = new ReferenceIndex(Regions.RegionPolicy.Default, IndexData.CreateDirectory(), new NodaTime.Testing.FakeClock(NodaTime.Instant.FromUtc(2026, 11, 23, 9, 0)));
        for (var youth = 0; youth < Keys; youth++)
        {
            var first = 1 + (youth % IndexData.BaseOrganisationCount);
            index.Register(_data.Registration(youth, first), default).ThrowIfRefused();
            var second = _data.Registration(youth, 1 + ((youth + 1) % IndexData.BaseOrganisationCount));
            index.Register(keyed ? second.WithIdempotencyKey("key-" + youth) : second).ThrowIfRefused();
        }

        return index;
    }
}
