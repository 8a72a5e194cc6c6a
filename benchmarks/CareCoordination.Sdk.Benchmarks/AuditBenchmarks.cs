using System;
using System.Linq;
using BenchmarkDotNet.Attributes;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Coordination.Desk;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Plans;
using CareCoordination.Sdk.Plans.Book;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Privacy.Consents;
using CareCoordination.Sdk.Privacy.Requests.Book;
using CareCoordination.Sdk.Signals;
using NodaTime;
using NodaTime.Testing;

namespace CareCoordination.Sdk.Benchmarks;

/// <summary>
/// What the access rules and the audit trail cost on a read: a reporter reading its own signals on a youth straight
/// from the index (the baseline, what a system without access control does) and through
/// <see cref="PersonDataAccess"/>, which decides R1, pseudonymises the BSN with HMAC-SHA256 and appends a hash-chained
/// record. The trail is cleared between iterations so that it does not grow without bound.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(IndexData.PoolSize / 2)]
[SimpleJob(launchCount: 1, warmupCount: 10, iterationCount: 10)]
public class AuditBenchmarks
{
    private IndexData _data = null!;
    private ReferenceIndex _index = null!;
    private PersonDataAccess _access = null!;
    private AuditTrail _audit = null!;
    private Actor _reporter = null!;
    private int _next;

    [GlobalSetup]
    public void SetUp()
    {
        _data = new IndexData(1_000_000);
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0));
        _index = _data.LoadIndex(clock);
        var desk = new CoordinationDesk(CoordinationPolicy.Default, new SocialMap(), clock);
        var consents = new ConsentRegister(ConsentPolicy.Default, DateTimeZoneProviders.Tzdb["Europe/Amsterdam"], clock);
        _audit = new AuditTrail(new Pseudonymiser(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray()), new AuditChainKey(Enumerable.Range(0, 32).Select(i => (byte)(255 - i)).ToArray()), clock);
        var plans = new PlanBook(desk, PlanPolicy.Default, DateTimeZoneProviders.Tzdb["Europe/Amsterdam"], clock);
        var obligations = new InformationObligations(ConsentPolicy.Default, DateTimeZoneProviders.Tzdb["Europe/Amsterdam"], clock);
        _access = new PersonDataAccess(new AccessRules(_index, desk, consents), _audit, _index, desk, plans, consents, obligations, new SubjectRequestBook(clock), clock);
        var organisation = _data.SignalAt(0).Organisation;
        _reporter = new Actor("reporter", ActorRole.Reporter, new Organisations.OrganisationId(organisation), IndexData.ReporterOf(organisation), "benchmark");
    }

    [Benchmark(Baseline = true, Description = "index lookup, no access control")]
    public int Unchecked() => _index.GetActiveSignals(_data.Youths[YouthOfReporter()]).Count;

    [Benchmark(Description = "PersonDataAccess: rule + audit record")]
    public int Audited() => _access.GetSignals(_reporter, _data.Youths[YouthOfReporter()]).Count;

    [IterationCleanup]
    public void CleanUp()
    {
        _audit.PurgeBefore(Instant.MaxValue);
        _next = 0;
    }

    // Youths whose first signal is from the reporter's organisation, so that R1 allows every read.
    private int YouthOfReporter()
    {
        var youth = (_next++ * IndexData.BaseOrganisationCount) % _data.YouthCount;
        return youth;
    }
}
