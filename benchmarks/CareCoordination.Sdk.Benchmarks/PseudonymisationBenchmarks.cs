using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Signals;

namespace CareCoordination.Sdk.Benchmarks;

/// <summary>
/// What pseudonymised matching costs: registering a new signal with its matches in an index keyed by BSN (the
/// baseline) and in one keyed by a pseudonym (a keyed permutation on the way in, its inverse for every signal in the
/// answer), each holding N active signals. Same pool and cleanup as <see cref="RegistrationBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(IndexData.PoolSize / 2)]
[SimpleJob(launchCount: 1, warmupCount: 20, iterationCount: 10)]
public class PseudonymisationBenchmarks
{
    private ReferenceIndex _index = null!;
    private SignalRegistration[] _registrations = null!;
    private readonly Match[] _matches = new Match[8];
    private int _next;

    [Params(1_000_000, 10_000_000)]
    public int ActiveSignals { get; set; }

    [GlobalSetup(Target = nameof(KeyedByBsn))]
    public void SetUpPlain() => Load(null);

    [GlobalSetup(Target = nameof(KeyedByPseudonym))]
    public void SetUpPseudonymised() => Load(new YouthPseudonymiser(Enumerable.Range(0, 32).Select(i => (byte)(i * 13)).ToArray()));

    [Benchmark(Baseline = true, Description = "register, index keyed by BSN")]
    public int KeyedByBsn() => _index.Register(_registrations[_next++], _matches).MatchCount;

    [Benchmark(Description = "register, index keyed by pseudonym")]
    public int KeyedByPseudonym() => _index.Register(_registrations[_next++], _matches).MatchCount;

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

    private void Load(YouthPseudonymiser? pseudonymiser)
    {
        var data = new IndexData(ActiveSignals);
        _index = data.LoadIndex(pseudonymiser: pseudonymiser);
        _registrations = Array.ConvertAll(data.Pool, y => data.Registration(y, IndexData.NewOrganisation));
        _next = 0;
    }
}
