using System;
using System.Linq;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Testing;
using NodaTime;
using NodaTime.Testing;

namespace CareCoordination.Sdk.Benchmarks;

/// <summary>
/// The data every index benchmark loads: N active signals on 3N/4 youths (a third of them already signalled by two
/// organisations), and a pool of new registrations by a seventh organisation that each find one or two matches, and
/// two family matches more where the benchmark adds the families (<see cref="AddFamilies"/>).
/// </summary>
internal sealed class IndexData
{
    public const int PoolSize = 65_536;
    public const int NewOrganisation = 7;
    public const int BaseOrganisationCount = BaseOrganisations;
    private const int BaseOrganisations = 6;

    public IndexData(int signals)
    {
        Signals = signals;
        YouthCount = signals / 4 * 3;
        Youths = TestBsns.Generate(YouthCount, seed: 42);
        DateOfBirth = new LocalDate(2016, 3, 1);
        var random = new Random(7);
        Pool = Enumerable.Range(0, PoolSize).Select(_ => random.Next(YouthCount)).Distinct().ToArray();
        Lookups = Enumerable.Range(0, PoolSize).Select(_ => random.Next(YouthCount)).ToArray();
    }

    public int Signals { get; }

    public int YouthCount { get; }

    public Bsn[] Youths { get; }

    public LocalDate DateOfBirth { get; }

    /// <summary>Indexes into <see cref="Youths"/> of the pool of new registrations, all distinct.</summary>
    public int[] Pool { get; }

    /// <summary>Indexes into <see cref="Youths"/> to look up.</summary>
    public int[] Lookups { get; }

    public static OrganisationDirectory CreateDirectory()
    {
        var directory = new OrganisationDirectory();
        var kinds = new[] { OrganisationKind.School, OrganisationKind.YouthHealthCare, OrganisationKind.GeneralSocialWork, OrganisationKind.YouthAndFamilyCentre, OrganisationKind.Police, OrganisationKind.MentalHealthCare, OrganisationKind.YouthProtection };
        for (var o = 1; o <= kinds.Length; o++)
        {
            var id = new OrganisationId(o);
            directory.AddOrReplace(new Organisation(id, "Organisation " + o, kinds[o - 1], new ContactDetails("030", "o@x.example"), hasMunicipalAgreement: true));
            directory.AddOrReplace(new Professional(ReporterOf(o), id, "Reporter " + o, new ContactDetails("06", "r@x.example"), isDesignatedReporter: true));
        }

        return directory;
    }

    public static ProfessionalId ReporterOf(int organisation) => new((organisation * 100) + 1);

    /// <summary>Signal i: the first 3N/4 on each youth once; the rest a second organisation on the first N/4 youths.</summary>
    public (int Youth, int Organisation) SignalAt(int i) =>
        i < YouthCount ? (i, 1 + (i % BaseOrganisations)) : (i - YouthCount, 1 + (((i - YouthCount) + 1) % BaseOrganisations));

    public ReferenceIndex LoadIndex(IClock? clock = null, Privacy.YouthPseudonymiser? pseudonymiser = null) =>
        Load(clock ?? new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0)), pseudonymiser, advancing: null);

    /// <summary>
    /// Loads the index as a region's index holds its signals: registered one after the other over the last 700 days (a
    /// signal lasts two years, so all are still active), ending at the benchmarks' now. Each day of the expiry calendar
    /// then holds that day's share, not every signal of the index, as when all were registered at one instant.
    /// </summary>
    public ReferenceIndex LoadIndexRegisteredOverTime()
    {
        var now = Instant.FromUtc(2026, 11, 23, 9, 0);
        var clock = new FakeClock(now - Duration.FromDays(700));
        var index = Load(clock, null, advancing: clock);
        clock.Reset(now);
        return index;
    }

    // Registers every signal in order; with an advancing clock, spread evenly over the 700 days it stands before now.
    private ReferenceIndex Load(IClock clock, Privacy.YouthPseudonymiser? pseudonymiser, FakeClock? advancing)
    {
        var index = new ReferenceIndex(RegionPolicy.Default, CreateDirectory(), clock, null, null, pseudonymiser);
        index.EnsureCapacity(Signals + PoolSize, YouthCount);
        var step = Duration.FromTicks(Duration.FromDays(700).BclCompatibleTicks / Math.Max(1, Signals));
        for (var i = 0; i < Signals; i++)
        {
            var (youth, organisation) = SignalAt(i);
            index.Register(Registration(youth, organisation), default).ThrowIfRefused();
            advancing?.Advance(step);
        }

        return index;
    }

    public Baselines.NaiveDictionaryIndex LoadNaive()
    {
        var naive = new Baselines.NaiveDictionaryIndex();
        var now = Instant.FromUtc(2026, 11, 23, 9, 0);
        for (var i = 0; i < Signals; i++)
        {
            var (youth, organisation) = SignalAt(i);
            naive.Register(Youths[youth].RevealDigits(), organisation, ReporterOf(organisation).Value, now);
        }

        return naive;
    }

    public Baselines.SqliteIndex LoadSqlite()
    {
        var sqlite = new Baselines.SqliteIndex();
        sqlite.BeginBulk();
        for (var i = 0; i < Signals; i++)
        {
            var (youth, organisation) = SignalAt(i);
            sqlite.Register(Youths[youth].RevealNumber(), organisation, ReporterOf(organisation).Value, 0, 0);
        }

        sqlite.EndBulk();
        return sqlite;
    }

    /// <summary>
    /// Puts every pool youth in a household with the next youth, and gives one of its parents a second household with
    /// the youth after that (a half-sibling): each new registration then walks two family candidates besides its own
    /// chain, one of them through a parent the households share.
    /// </summary>
    public void AddFamilies(ReferenceIndex index)
    {
        var parents = TestBsns.Generate(3 * Pool.Length, seed: 43);
        for (var j = 0; j < Pool.Length; j++)
        {
            var youth = Pool[j];
            var shared = parents[3 * j];
            index.AddOrReplaceFamily(Family.Create(new FamilyId((2 * j) + 1), [Youths[youth], Youths[(youth + 1) % YouthCount]], [shared, parents[(3 * j) + 1]]));
            index.AddOrReplaceFamily(Family.Create(new FamilyId((2 * j) + 2), [Youths[(youth + 2) % YouthCount]], [shared, parents[(3 * j) + 2]]));
        }
    }

    public SignalRegistration Registration(int youth, int organisation) =>
        new(new Youth(Youths[youth], DateOfBirth), new OrganisationId(organisation), ReporterOf(organisation), ReportingCriterion.SeriousUpbringingProblems);
}
