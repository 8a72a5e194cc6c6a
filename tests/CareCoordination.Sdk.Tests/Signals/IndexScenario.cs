using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Testing;
using NodaTime;
using NodaTime.Testing;

namespace CareCoordination.Sdk.Tests.Signals;

/// <summary>A reference index on the test region with a fake clock and an event recorder.</summary>
internal sealed class IndexScenario
{
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 23, 10, 0);
    public static readonly LocalDate Today = new(2026, 11, 23);

    /// <param name="policy">The region's policy, or the default.</param>
    /// <param name="observers">Observers beside the event recorder.</param>
    /// <param name="clock">The clock, or a fake one at <see cref="Start"/>.</param>
    /// <param name="pseudonymiser">Pseudonymises the index, or none.</param>
    /// <param name="heard">Whether the index has observers at all: without, <see cref="Events"/> hears nothing, and the index takes the paths it takes when nobody listens.</param>
    public IndexScenario(RegionPolicy? policy = null, IEnumerable<IReferenceIndexObserver>? observers = null, FakeClock? clock = null, Sdk.Privacy.YouthPseudonymiser? pseudonymiser = null, bool heard = true)
    {
        Clock = clock ?? new FakeClock(Start);
        Directory = TestRegion.CreateDirectory();
        Events = new RecordingObserver();
        Index = new ReferenceIndex(policy ?? RegionPolicy.Default, Directory, Clock, null, heard ? [Events, .. observers ?? []] : [], pseudonymiser);
    }

    /// <summary>One pseudonymiser for all tests: deriving its tables takes a few milliseconds.</summary>
    public static Sdk.Privacy.YouthPseudonymiser SharedPseudonymiser { get; } = new(System.Linq.Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray());

    public FakeClock Clock { get; }

    public OrganisationDirectory Directory { get; }

    public RecordingObserver Events { get; }

    public ReferenceIndex Index { get; }

    public static Youth YouthAged(Bsn bsn, int years) => new(bsn, Today.PlusYears(-years).PlusDays(-10));

    public static SignalRegistration By(OrganisationId organisation, Youth youth, ReportingCriterion criterion = ReportingCriterion.SeriousUpbringingProblems) =>
        new(youth, organisation, TestRegion.ReporterOf(organisation), criterion);

    public RegistrationResult Register(OrganisationId organisation, Youth youth) => Index.Register(By(organisation, youth));

    public void AdvanceDays(int days) => Clock.Advance(Duration.FromDays(days));

    /// <summary>Everything observable about the index's state, to prove a refused call changed nothing.</summary>
    public string Snapshot(params Bsn[] youths) =>
        string.Join(
            "|",
            new[] { Index.ActiveSignalCount.ToString(System.Globalization.CultureInfo.InvariantCulture), Index.ArchivedSignalCount.ToString(System.Globalization.CultureInfo.InvariantCulture), Events.Events.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) }
                .Concat(youths.SelectMany(y => Index.GetActiveSignals(y).Select(s => s.Id + "/" + s.Organisation + "/" + s.RegisteredAt + "/" + s.ExpiresOn)))
                .Concat(youths.SelectMany(y => Index.GetArchivedSignals(y).Select(a => a.Signal.Id + "/" + a.OfferedAsMatch))));

    public IReadOnlyList<T> EventsOf<T>() => Events.Of<T>();
}
