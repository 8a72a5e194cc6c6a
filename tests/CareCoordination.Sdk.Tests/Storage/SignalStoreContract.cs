using System;
using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Facility;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.FollowUp.Book;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Notifications;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Index;
using CareCoordination.Sdk.Tests.Signals;
using FsCheck;
using FsCheck.Xunit;
using Xunit;

namespace CareCoordination.Sdk.Tests.Storage;

/// <summary>
/// What every store must do, run against the in-memory store here and against SQLite and a real PostgreSQL server in
/// their own test projects.
/// </summary>
public abstract class SignalStoreContract : IDisposable
{
    private static readonly Bsn Sam = TestBsns.First;
    private static readonly Bsn Sara = TestBsns.Second;

    /// <summary>Opens the store under test: the same durable data every time it is called, until disposal.</summary>
    protected abstract ISignalStore OpenStore();

    /// <summary>Closes a store opened by <see cref="OpenStore"/>.</summary>
    protected abstract void CloseStore(ISignalStore store);

    /// <summary>Reads the stored events about one signal.</summary>
    protected abstract System.Collections.Generic.IReadOnlyList<StoredEvent> ReadEvents(ISignalStore store, SignalId signal);

    public virtual void Dispose() => GC.SuppressFinalize(this);

    [Fact]
    public void A_restarted_index_has_every_signal_family_archive_and_offer_it_had()
    {
        var scenario = new IndexScenario();
        string before;
        long lastId;
        var store = OpenStore();
        try
        {
            var index = new ReferenceIndex(RegionPolicy.Default, scenario.Directory, scenario.Clock, store);
            index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [Sam, Sara], [TestBsns.Generate(1, seed: 9)[0]]));
            index.Register(IndexScenario.By(TestRegion.School, IndexScenario.YouthAged(Sam, 8))).ThrowIfRefused();
            index.Register(IndexScenario.By(TestRegion.SocialWork, IndexScenario.YouthAged(Sam, 8))).ThrowIfRefused();
            index.Register(IndexScenario.By(TestRegion.YouthHealthCare, IndexScenario.YouthAged(Sara, 3))).ThrowIfRefused();
            index.Withdraw(Sam, TestRegion.School, WithdrawalReason.RiskGone);
            lastId = index.Register(IndexScenario.By(TestRegion.YouthProtection, IndexScenario.YouthAged(Sam, 8))).Signal.Id.Value;
            before = Describe(index);
        }
        finally
        {
            CloseStore(store);
        }

        store = OpenStore();
        try
        {
            var reopened = new ReferenceIndex(RegionPolicy.Default, scenario.Directory, scenario.Clock, store);

            Assert.Equal(before, Describe(reopened));
            var next = reopened.Register(IndexScenario.By(TestRegion.Daycare, IndexScenario.YouthAged(Sara, 3)));
            Assert.Equal(lastId + 1, next.Signal.Id.Value);
            Assert.Contains(next.Matches, m => m.Kind == MatchKind.Family && m.OtherYouth == Sam);
        }
        finally
        {
            CloseStore(store);
        }
    }

    [Fact]
    public void The_23rd_birthday_survives_a_restart_and_deletes_the_archive_on_that_day()
    {
        var scenario = new IndexScenario();
        var older = IndexScenario.YouthAged(Sam, 20);
        var store = OpenStore();
        try
        {
            var index = new ReferenceIndex(RegionPolicy.Default, scenario.Directory, scenario.Clock, store);
            index.Register(IndexScenario.By(TestRegion.School, older)).ThrowIfRefused();
            index.Register(IndexScenario.By(TestRegion.SocialWork, IndexScenario.YouthAged(Sara, 8))).ThrowIfRefused();
            scenario.AdvanceDays(731);
            Assert.Equal(2, index.ExpireDue().Archived);
        }
        finally
        {
            CloseStore(store);
        }

        scenario.AdvanceDays(NodaTime.Period.Between(IndexScenario.Today.PlusDays(731), older.DateOfBirth.PlusYears(23), NodaTime.PeriodUnits.Days).Days);
        store = OpenStore();
        try
        {
            var reopened = new ReferenceIndex(RegionPolicy.Default, scenario.Directory, scenario.Clock, store);

            Assert.Equal(1, reopened.ArchivedSignalCount);
            Assert.Equal(new ExpiryReport(0, 0, 1), reopened.ExpireDue());
            Assert.Empty(reopened.GetArchivedSignals(Sam));
            Assert.Single(reopened.GetArchivedSignals(Sara));
        }
        finally
        {
            CloseStore(store);
        }
    }

    [Fact]
    public void Half_siblings_through_a_shared_parent_and_a_youth_who_died_leaving_the_family_survive_a_restart()
    {
        var scenario = new IndexScenario();
        var people = TestBsns.Generate(5, seed: 41);
        var (halfSister, father, mother, otherMother, stranger) = (people[0], people[1], people[2], people[3], people[4]);
        string before;
        var store = OpenStore();
        try
        {
            var index = new ReferenceIndex(RegionPolicy.Default, scenario.Directory, scenario.Clock, store);
            index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [Sam, Sara], [father, mother]));
            index.AddOrReplaceFamily(Family.Create(new FamilyId(2), [halfSister], [father, otherMother]));
            index.AddOrReplaceFamily(Family.Create(new FamilyId(3), [Sara, stranger], []));
            index.Register(IndexScenario.By(TestRegion.School, IndexScenario.YouthAged(Sam, 8))).ThrowIfRefused();
            Assert.Equal(1, index.Register(IndexScenario.By(TestRegion.SocialWork, IndexScenario.YouthAged(halfSister, 6))).MatchCount);
            index.Register(IndexScenario.By(TestRegion.YouthHealthCare, IndexScenario.YouthAged(Sara, 3))).ThrowIfRefused();

            index.RecordDeath(Sara);

            Assert.Empty(index.GetFamiliesOf(Sara));
            before = Describe(index) + Members(index, Sam, halfSister, stranger);
        }
        finally
        {
            CloseStore(store);
        }

        store = OpenStore();
        try
        {
            var reopened = new ReferenceIndex(RegionPolicy.Default, scenario.Directory, scenario.Clock, store);

            Assert.Equal(before, Describe(reopened) + Members(reopened, Sam, halfSister, stranger));
            Assert.Empty(reopened.GetFamiliesOf(Sara));
            var next = reopened.Register(IndexScenario.By(TestRegion.Daycare, IndexScenario.YouthAged(halfSister, 6)));
            var match = Assert.Single(next.Matches, m => m.Kind == MatchKind.Family);
            Assert.Equal(TestRegion.School, match.OtherOrganisation);
            Assert.True(match.ConcernsAnotherYouth);
            Assert.Equal(new FamilyId(2), match.Family);
        }
        finally
        {
            CloseStore(store);
        }
    }

    [Fact]
    public void Households_at_one_address_match_after_a_restart_and_an_institution_s_residents_still_do_not()
    {
        var options = new RegionPolicyOptions();
        options.InstitutionAddresses.Add("9999ZZ-1");
        var policy = RegionPolicy.Create(options);
        var scenario = new IndexScenario(policy);
        var people = TestBsns.Generate(4, seed: 43);
        var (neighbour, resident, otherResident, moved) = (people[0], people[1], people[2], people[3]);
        var home = AddressKey.Create("1234 ab", 5, "a");
        var shelter = AddressKey.Create("9999ZZ", 1);
        string before;
        var store = OpenStore();
        try
        {
            var index = new ReferenceIndex(policy, scenario.Directory, scenario.Clock, store);
            index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [Sam], [], home));
            index.AddOrReplaceFamily(Family.Create(new FamilyId(2), [neighbour], [], home));
            index.AddOrReplaceFamily(Family.Create(new FamilyId(3), [resident], [], shelter));
            index.AddOrReplaceFamily(Family.Create(new FamilyId(4), [otherResident], [], shelter));
            index.AddOrReplaceFamily(Family.Create(new FamilyId(5), [moved], [], home));
            index.AddOrReplaceFamily(Family.Create(new FamilyId(5), [moved], [], AddressKey.Create("1234AB", 7)));
            index.Register(IndexScenario.By(TestRegion.School, IndexScenario.YouthAged(Sam, 8))).ThrowIfRefused();
            index.Register(IndexScenario.By(TestRegion.School, IndexScenario.YouthAged(resident, 15))).ThrowIfRefused();
            before = Describe(index) + Members(index, Sam, neighbour, resident, otherResident, moved);
        }
        finally
        {
            CloseStore(store);
        }

        store = OpenStore();
        try
        {
            var reopened = new ReferenceIndex(policy, scenario.Directory, scenario.Clock, store);

            Assert.Equal(before, Describe(reopened) + Members(reopened, Sam, neighbour, resident, otherResident, moved));
            var match = Assert.Single(reopened.Register(IndexScenario.By(TestRegion.SocialWork, IndexScenario.YouthAged(neighbour, 6))).Matches);
            Assert.Equal(MatchKind.Address, match.Kind);
            Assert.True(match.ConcernsAnotherYouth);
            Assert.Equal(0, reopened.Register(IndexScenario.By(TestRegion.SocialWork, IndexScenario.YouthAged(otherResident, 14))).MatchCount);
            Assert.Equal(0, reopened.Register(IndexScenario.By(TestRegion.SocialWork, IndexScenario.YouthAged(moved, 9))).MatchCount);
        }
        finally
        {
            CloseStore(store);
        }
    }

    [Fact]
    public void A_move_and_its_notices_survive_a_restart_and_the_next_move_is_judged_by_the_stored_municipality()
    {
        var scenario = new IndexScenario();
        var (utrecht, amsterdam) = (MunicipalityCode.FromNumber(344), MunicipalityCode.FromNumber(363));
        var coordinators = new System.Collections.Generic.Dictionary<MunicipalityCode, CareCoordination.Sdk.Organisations.OrganisationId> { [amsterdam] = TestRegion.YouthAndFamilyCentre };
        var store = OpenStore();
        try
        {
            var notices = new MoveNotices(scenario.Directory, coordinators, (IEventStreamStore)store);
            var index = new ReferenceIndex(RegionPolicy.Default, scenario.Directory, scenario.Clock, store, [notices]);
            index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [Sam], [], AddressKey.Create("3511AB", 8), utrecht));
            index.Register(IndexScenario.By(TestRegion.School, IndexScenario.YouthAged(Sam, 8))).ThrowIfRefused();
            index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [Sam], [], AddressKey.Create("1011AA", 3), amsterdam));
        }
        finally
        {
            CloseStore(store);
        }

        store = OpenStore();
        try
        {
            var notices = new MoveNotices(scenario.Directory, coordinators, (IEventStreamStore)store);
            var listener = new RecordingObserver();
            var index = new ReferenceIndex(RegionPolicy.Default, scenario.Directory, scenario.Clock, store, [notices, listener]);

            var family = Assert.Single(index.GetFamiliesOf(Sam));
            Assert.Equal((AddressKey.Create("1011AA", 3), amsterdam), (family.Address!.Value, family.Municipality!.Value));
            Assert.Single(notices.Read(TestRegion.School));
            Assert.Equal(utrecht, Assert.Single(notices.Read(TestRegion.YouthAndFamilyCentre)).FromMunicipality);

            index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [Sam], [], AddressKey.Create("1012BB", 4), amsterdam));

            Assert.False(Assert.Single(listener.Of<CareCoordination.Sdk.Signals.Events.YouthMoved>()).ToAnotherMunicipality);
            Assert.Equal(2, notices.Read(TestRegion.School).Count);
            Assert.Single(notices.Read(TestRegion.YouthAndFamilyCentre));
        }
        finally
        {
            CloseStore(store);
        }
    }

    [Fact]
    public void The_follow_up_of_a_match_and_the_substitute_numbers_issued_survive_a_restart()
    {
        var scenario = new IndexScenario();
        var born = new NodaTime.LocalDate(2015, 3, 1);
        string before;
        SubstituteNumber first, second;
        var store = OpenStore();
        try
        {
            var book = new CareCoordination.Sdk.FollowUp.Book.MatchFollowUpBook(RegionPolicy.Default, scenario.Clock, (IEventStreamStore)store);
            var register = new SubstituteNumberRegister((IEventStreamStore)store, YouthKeying.ByBsn, scenario.Clock);
            var index = new ReferenceIndex(RegionPolicy.Default, scenario.Directory, scenario.Clock, store, [book]);
            index.Register(IndexScenario.By(TestRegion.School, IndexScenario.YouthAged(Sam, 8))).ThrowIfRefused();
            var match = Assert.Single(index.Register(IndexScenario.By(TestRegion.SocialWork, IndexScenario.YouthAged(Sam, 8))).Matches);
            index.Register(IndexScenario.By(TestRegion.School, IndexScenario.YouthAged(Sara, 5))).ThrowIfRefused();
            index.Register(IndexScenario.By(TestRegion.YouthHealthCare, IndexScenario.YouthAged(Sara, 5))).ThrowIfRefused();
            book.RecordCentralContact(match.Signal, match.OtherSignal, match.MatchCoordinator, match.Reporter);
            book.RecordAligned(match.Signal, match.OtherSignal, match.MatchCoordinator, aligned: true);
            scenario.AdvanceDays(11);
            Assert.Single(book.RemindOverdue());
            first = register.Issue("Smit", born, Sex.Male);
            second = register.Issue("Jansen", born, Sex.Female);
            before = string.Join("\n", book.All) + "\n" + book.Overview();
        }
        finally
        {
            CloseStore(store);
        }

        store = OpenStore();
        try
        {
            var book = new CareCoordination.Sdk.FollowUp.Book.MatchFollowUpBook(RegionPolicy.Default, scenario.Clock, (IEventStreamStore)store);
            var register = new SubstituteNumberRegister((IEventStreamStore)store, YouthKeying.ByBsn, scenario.Clock);

            Assert.Equal(before, string.Join("\n", book.All) + "\n" + book.Overview());
            Assert.Empty(book.RemindOverdue());
            Assert.Equal(2, register.Issued.Count);
            Assert.Equal((first, second), (register.Issue("smit", born, Sex.Male), register.Issue("JANSEN", born, Sex.Female)));
        }
        finally
        {
            CloseStore(store);
        }
    }

    [Fact]
    public void A_pseudonymised_index_stores_addresses_only_keyed_and_its_households_at_one_address_still_match_after_a_restart()
    {
        var options = new RegionPolicyOptions();
        options.InstitutionAddresses.Add("9999ZZ-1");
        var policy = RegionPolicy.Create(options);
        var scenario = new IndexScenario(policy);
        var people = TestBsns.Generate(3, seed: 47);
        var (home, shelter) = (AddressKey.Create("1234AB", 5, "a"), AddressKey.Create("9999ZZ", 1));
        var store = OpenStore();
        try
        {
            var index = new ReferenceIndex(policy, scenario.Directory, scenario.Clock, store, null, IndexScenario.SharedPseudonymiser);
            index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [Sam], [], home, MunicipalityCode.FromNumber(344)));
            index.AddOrReplaceFamily(Family.Create(new FamilyId(2), [people[0]], [], home));
            index.AddOrReplaceFamily(Family.Create(new FamilyId(3), [people[1]], [], shelter));
            index.AddOrReplaceFamily(Family.Create(new FamilyId(4), [people[2]], [], shelter));
            index.Register(IndexScenario.By(TestRegion.School, IndexScenario.YouthAged(Sam, 8))).ThrowIfRefused();
            index.Register(IndexScenario.By(TestRegion.School, IndexScenario.YouthAged(people[1], 15))).ThrowIfRefused();
        }
        finally
        {
            CloseStore(store);
        }

        store = OpenStore();
        try
        {
            var families = new FamilySink();
            store.Load(families);
            Assert.Equal(4, families.Families.Count);
            Assert.All(families.Families, f => Assert.True(f.Address!.Value.IsKeyed));
            Assert.DoesNotContain(families.Families, f => f.Address!.Value.Value.Contains("1234", StringComparison.Ordinal) || f.Address!.Value.Value.Contains("9999", StringComparison.Ordinal));
            Assert.Equal(MunicipalityCode.FromNumber(344), families.Families.Single(f => f.Id == new FamilyId(1)).Municipality);

            var reopened = new ReferenceIndex(policy, scenario.Directory, scenario.Clock, store, null, IndexScenario.SharedPseudonymiser);
            var match = Assert.Single(reopened.Register(IndexScenario.By(TestRegion.SocialWork, IndexScenario.YouthAged(people[0], 6))).Matches);
            Assert.Equal(MatchKind.Address, match.Kind);
            Assert.Equal(0, reopened.Register(IndexScenario.By(TestRegion.SocialWork, IndexScenario.YouthAged(people[2], 14))).MatchCount);
        }
        finally
        {
            CloseStore(store);
        }
    }

    private sealed class FamilySink : IStoredIndexSink
    {
        public System.Collections.Generic.List<StoredFamily> Families { get; } = [];

        public void Add(in StoredSignal signal)
        {
        }

        public void Add(StoredFamily family) => Families.Add(family);

        public void Add(StoredIdempotencyKey key)
        {
        }
    }

    private static string Members(ReferenceIndex index, params Bsn[] youths) => string.Join(
        "\n",
        youths.SelectMany(y => index.GetFamiliesOf(y).Select(f => $"{f.Id}: {string.Join(',', f.Youths.Select(m => m.RevealNumber()))} | {string.Join(',', f.Carers.Select(c => c.RevealNumber()))} @ {f.Address?.Value}")));

    [Fact]
    public void Erasing_a_signal_keeps_its_logbook_lines_and_the_other_partys_match_event_without_naming_the_erased_party()
    {
        var scenario = new IndexScenario();
        var store = OpenStore();
        try
        {
            var index = new ReferenceIndex(RegionPolicy.Default, scenario.Directory, scenario.Clock, store);
            var first = index.Register(IndexScenario.By(TestRegion.School, IndexScenario.YouthAged(Sam, 8))).Signal;
            var second = index.Register(IndexScenario.By(TestRegion.SocialWork, IndexScenario.YouthAged(Sam, 8))).Signal;

            index.Withdraw(Sam, TestRegion.School, WithdrawalReason.Unjustified);

            var events = ReadEvents(store, first.Id).Where(e => e.Signal == first.Id).ToList();
            Assert.Equal(["SignalWithdrawn", "SignalRemoved"], events.Select(e => e.Type));
            var kept = EventDocuments.ReadMatchEvent(Assert.Single(ReadEvents(store, second.Id), e => e.Type == "MatchFound" && e.Signal == second.Id));
            Assert.Equal((first.Id.Value, TestRegion.SocialWork.Value), (kept.OtherSignal, kept.Organisation));
            Assert.Null(kept.OtherOrganisation);
            Assert.Null(kept.OtherReporter);
            Assert.All(events, e => Assert.DoesNotContain(Sam.RevealNumber().ToString(System.Globalization.CultureInfo.InvariantCulture), e.Json, StringComparison.Ordinal));
        }
        finally
        {
            CloseStore(store);
        }

        store = OpenStore();
        try
        {
            var reopened = new ReferenceIndex(RegionPolicy.Default, scenario.Directory, scenario.Clock, store);
            Assert.Equal([TestRegion.SocialWork], reopened.GetActiveSignals(Sam).Select(s => s.Organisation));
            Assert.Empty(reopened.GetArchivedSignals(Sam));
        }
        finally
        {
            CloseStore(store);
        }
    }

    [Fact]
    public void Stored_events_are_versioned_json_that_reads_back()
    {
        var scenario = new IndexScenario();
        var store = OpenStore();
        try
        {
            var index = new ReferenceIndex(RegionPolicy.Default, scenario.Directory, scenario.Clock, store);
            index.Register(IndexScenario.By(TestRegion.School, IndexScenario.YouthAged(Sam, 8)));
            var result = index.Register(IndexScenario.By(TestRegion.SocialWork, IndexScenario.YouthAged(Sam, 8)));

            var events = ReadEvents(store, result.Signal.Id);
            Assert.Equal(["SignalRegistered", "MatchFound"], events.Select(e => e.Type));
            Assert.All(events, e => Assert.Equal(EventDocuments.SchemaVersion, e.SchemaVersion));
            var registered = EventDocuments.ReadSignalEvent(events[0]);
            Assert.Equal(result.Signal.Id.Value, registered.Signal);
            Assert.Equal(result.Signal.ExpiresOn, registered.ExpiresOn);
            Assert.Equal(result.Signal.RegisteredAt, registered.RegisteredAt);
            var match = EventDocuments.ReadMatchEvent(events[1]);
            Assert.Equal(result.Matches[0].OtherSignal.Value, match.OtherSignal);
            Assert.Equal(TestRegion.SocialWork.Value, match.MatchCoordinator);
            Assert.Throws<UnsupportedSchemaVersionException>(() => EventDocuments.ReadSignalEvent(events[0] with { SchemaVersion = EventDocuments.SchemaVersion + 1 }));
        }
        finally
        {
            CloseStore(store);
        }
    }

    [Fact]
    public void A_retry_after_a_restart_gets_the_first_answer_and_creates_no_second_signal_or_match()
    {
        var scenario = new IndexScenario();
        var keyed = IndexScenario.By(TestRegion.SocialWork, IndexScenario.YouthAged(Sam, 8)).WithIdempotencyKey("amw-request-0042");
        var first = WithIndex(scenario, index =>
        {
            Registered(index, IndexScenario.By(TestRegion.School, IndexScenario.YouthAged(Sam, 8)));
            return Registered(index, keyed);
        });
        var storedBefore = WithStore(store => ReadEvents(store, first.Signal.Id).Count);
        scenario.Clock.Advance(NodaTime.Duration.FromHours(2));

        var (retry, active) = WithIndex(scenario, index => (index.Register(keyed), index.ActiveSignalCount));

        Assert.Equal(RegistrationOutcome.Registered, retry.Outcome);
        Assert.Equal(first.Signal, retry.Signal);
        Assert.Single(first.Matches.ToArray());
        Assert.Equal(first.Matches.ToArray(), retry.Matches.ToArray());
        Assert.Equal(2, active);
        Assert.Equal(storedBefore, WithStore(store => ReadEvents(store, first.Signal.Id).Count));
    }

    [Fact]
    public void A_batch_comes_back_whole_after_a_restart_with_its_matches_and_keys()
    {
        var scenario = new IndexScenario();
        var keyed = IndexScenario.By(TestRegion.YouthProtection, IndexScenario.YouthAged(Sara, 3)).WithIdempotencyKey("import-1-line-3");
        var batch = WithIndex(scenario, index => index.RegisterBatch(
        [
            IndexScenario.By(TestRegion.School, IndexScenario.YouthAged(Sam, 8)),
            IndexScenario.By(TestRegion.SocialWork, IndexScenario.YouthAged(Sam, 8)),
            keyed,
        ]));

        var (active, matches, retry) = WithIndex(scenario, index => (index.GetActiveSignals(Sam).Count + index.GetActiveSignals(Sara).Count, index.GetMatches(Sam).Count, index.Register(keyed)));

        Assert.All(batch, r => Assert.Equal(RegistrationOutcome.Registered, r.Outcome));
        Assert.Equal(3, active);
        Assert.Equal(2, matches); // one match, seen from each of Sam's two signals
        Assert.Equal((RegistrationOutcome.Registered, batch[2].Signal.Id), (retry.Outcome, retry.Signal.Id));
    }

    [Fact]
    public void A_key_used_again_for_another_youth_after_a_restart_is_refused()
    {
        var scenario = new IndexScenario();
        WithIndex(scenario, index => Registered(index, IndexScenario.By(TestRegion.SocialWork, IndexScenario.YouthAged(Sam, 8)).WithIdempotencyKey("k-1")));

        var refused = WithIndex(scenario, index => index.Register(IndexScenario.By(TestRegion.SocialWork, IndexScenario.YouthAged(Sara, 3)).WithIdempotencyKey("k-1")));

        Assert.Equal(RegistrationRefusal.IdempotencyKeyConflict, refused.Refusal);
        Assert.Equal(1, WithIndex(scenario, index => index.ActiveSignalCount));
    }

    [Fact]
    public void A_remembered_answer_outlives_the_removal_of_another_partys_signal_it_names_across_a_restart()
    {
        var scenario = new IndexScenario();
        var keyed = IndexScenario.By(TestRegion.SocialWork, IndexScenario.YouthAged(Sam, 8)).WithIdempotencyKey("k-removed");
        var first = WithIndex(scenario, index =>
        {
            Registered(index, IndexScenario.By(TestRegion.School, IndexScenario.YouthAged(Sam, 8)));
            var result = Registered(index, keyed);
            index.Withdraw(Sam, TestRegion.School, WithdrawalReason.Unjustified);
            return result;
        });

        var retry = WithIndex(scenario, index => index.Register(keyed));

        Assert.Single(first.Matches.ToArray());
        Assert.Equal(RegistrationOutcome.Registered, retry.Outcome);
        Assert.Equal(first.Signal, retry.Signal);
        Assert.Empty(retry.Matches.ToArray()); // the withdrawn party's signal is no longer shown
    }

    [Fact]
    public void A_retry_after_its_own_signal_was_erased_gets_the_same_refusal_from_a_tombstone_that_holds_no_youth_also_across_a_restart()
    {
        var scenario = new IndexScenario();
        var keyed = IndexScenario.By(TestRegion.SocialWork, IndexScenario.YouthAged(Sam, 8)).WithIdempotencyKey("k-erased");
        var beforeRestart = WithIndex(scenario, index =>
        {
            Registered(index, keyed);
            index.Withdraw(Sam, TestRegion.SocialWork, WithdrawalReason.Unjustified);
            return index.Register(keyed).Refusal;
        });

        var (retries, active) = WithIndex(scenario, index => (new[] { index.Register(keyed).Refusal, index.Register(keyed).Refusal }, index.ActiveSignalCount));
        var otherOrganisation = WithIndex(scenario, index => index.Register(IndexScenario.By(TestRegion.School, IndexScenario.YouthAged(Sam, 8)).WithIdempotencyKey("k-erased")).Refusal);
        var otherYouth = WithIndex(scenario, index => index.Register(IndexScenario.By(TestRegion.SocialWork, IndexScenario.YouthAged(Sara, 8)).WithIdempotencyKey("k-erased")).Refusal);
        var stored = WithStore(store =>
        {
            var keys = new KeyCollector();
            store.Load(keys);
            return keys.Keys;
        });

        Assert.Equal(RegistrationRefusal.IdempotencyKeySignalRemoved, beforeRestart);
        Assert.Equal([RegistrationRefusal.IdempotencyKeySignalRemoved, RegistrationRefusal.IdempotencyKeySignalRemoved], retries);
        Assert.Equal(0, active); // not registered again
        Assert.Equal(RegistrationRefusal.IdempotencyKeyConflict, otherOrganisation);
        Assert.Equal(RegistrationRefusal.IdempotencyKeySignalRemoved, otherYouth); // the same organisation, another youth: the tombstone knows no youth
        var tombstone = Assert.Single(stored);
        Assert.Matches("^(hmac|sha256):[0-9a-f]{64}$", tombstone.Key); // the store holds the key hashed, never as the client gave it
        Assert.DoesNotContain(Sam.RevealNumber().ToString(System.Globalization.CultureInfo.InvariantCulture), tombstone.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void After_the_only_signal_was_erased_the_next_registration_after_a_restart_gets_a_new_identifier()
    {
        var scenario = new IndexScenario();
        var first = WithIndex(scenario, index =>
        {
            var id = Registered(index, IndexScenario.By(TestRegion.SocialWork, IndexScenario.YouthAged(Sam, 8))).Signal.Id;
            index.Withdraw(Sam, TestRegion.SocialWork, WithdrawalReason.Unjustified);
            return id;
        });

        var second = WithIndex(scenario, index => Registered(index, IndexScenario.By(TestRegion.School, IndexScenario.YouthAged(Sara, 9))).Signal.Id);
        WithIndex(scenario, index => index.RecordDeath(Sara));
        var fourth = WithIndex(scenario, index => Registered(index, IndexScenario.By(TestRegion.School, IndexScenario.YouthAged(Sam, 8))).Signal.Id);

        Assert.True(second.Value > first.Value, $"{second} was given out after {first} was erased");
        Assert.True(fourth.Value > second.Value, $"{fourth} was given out after {second} was erased");
    }

    [Fact]
    public void A_tombstone_is_forgotten_like_any_key_once_its_window_has_passed()
    {
        var scenario = new IndexScenario();
        var keyed = IndexScenario.By(TestRegion.SocialWork, IndexScenario.YouthAged(Sam, 8)).WithIdempotencyKey("k-erased-old");
        WithIndex(scenario, index =>
        {
            Registered(index, keyed);
            return index.Withdraw(Sam, TestRegion.SocialWork, WithdrawalReason.Unjustified);
        });
        scenario.Clock.Advance(RegionPolicy.Default.IdempotencyWindow + NodaTime.Duration.FromMinutes(1));
        WithIndex(scenario, index => index.ExpireDue());
        scenario.Clock.Advance(-RegionPolicy.Default.IdempotencyWindow);

        var retry = WithIndex(scenario, index => index.Register(keyed));

        Assert.Equal(RegistrationOutcome.Registered, retry.Outcome);
    }

    [Fact]
    public void A_key_past_its_window_is_forgotten_by_the_store_at_the_next_expiry_run()
    {
        var scenario = new IndexScenario();
        var keyed = IndexScenario.By(TestRegion.SocialWork, IndexScenario.YouthAged(Sam, 8)).WithIdempotencyKey("k-old");
        WithIndex(scenario, index => Registered(index, keyed));
        scenario.Clock.Advance(RegionPolicy.Default.IdempotencyWindow + NodaTime.Duration.FromMinutes(1));
        WithIndex(scenario, index => index.ExpireDue());
        scenario.Clock.Advance(-RegionPolicy.Default.IdempotencyWindow);

        var retry = WithIndex(scenario, index => index.Register(keyed));

        Assert.Equal(RegistrationOutcome.Renewed, retry.Outcome);
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = 25)]
    public void Any_history_written_to_the_store_rebuilds_the_same_index(IndexOperation[] history)
    {
        var scenario = new IndexScenario();
        string live;
        var store = OpenStore();
        try
        {
            var index = new ReferenceIndex(RegionPolicy.Default, scenario.Directory, scenario.Clock, store);
            ReferenceIndexProperties.Run(index, scenario, history);
            live = Describe(index);
        }
        finally
        {
            CloseStore(store);
        }

        AssertRebuildsTo(scenario, live);
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = 25)]
    public void Any_history_whose_operations_share_commits_rebuilds_the_same_index(IndexOperation[] history, PositiveInt groupSize)
    {
        // Concurrent operations reach the store merged into one change set: a registration, its renewal and its
        // withdrawal may all be in one commit, and the store must write them as if one after another.
        var scenario = new IndexScenario();
        string live;
        var store = OpenStore();
        try
        {
            var grouping = new GroupingStore((ICareCoordinationStore)store);
            var index = new ReferenceIndex(RegionPolicy.Default, scenario.Directory, scenario.Clock, grouping);
            ReferenceIndexProperties.Run(index, scenario, [], withFamilies: true);
            for (var i = 0; i < history.Length; i++)
            {
                ReferenceIndexProperties.Run(index, scenario, [history[i]], withFamilies: false);
                if (i % groupSize.Get == 0)
                {
                    grouping.Flush();
                }
            }

            grouping.Flush();
            live = Describe(index);
        }
        finally
        {
            CloseStore(store);
        }

        AssertRebuildsTo(scenario, live);
    }

    /// <summary>Reopens the store, rebuilds an index from it, compares it with the live one, and empties the store for the next case.</summary>
    private void AssertRebuildsTo(IndexScenario scenario, string live)
    {
        var store = OpenStore();
        try
        {
            var rebuilt = new ReferenceIndex(RegionPolicy.Default, scenario.Directory, scenario.Clock, store);
            if (Describe(rebuilt) != live)
            {
                throw new Xunit.Sdk.XunitException($"rebuilt:\n{Describe(rebuilt)}\nlive:\n{live}");
            }
        }
        finally
        {
            CloseStore(store);
            ResetStore();
        }
    }

    private static RegistrationResult Registered(ReferenceIndex index, in SignalRegistration registration)
    {
        var result = index.Register(registration);
        result.ThrowIfRefused();
        return result;
    }

    private T WithIndex<T>(IndexScenario scenario, Func<ReferenceIndex, T> action) => WithStore(store => action(new ReferenceIndex(RegionPolicy.Default, scenario.Directory, scenario.Clock, store)));

    private T WithStore<T>(Func<ISignalStore, T> action) => StoreSession.Use(OpenStore, CloseStore, action);

    private sealed class KeyCollector : IStoredIndexSink
    {
        public List<StoredIdempotencyKey> Keys { get; } = [];

        public void Add(in StoredSignal signal)
        {
        }

        public void Add(StoredFamily family)
        {
        }

        public void Add(StoredIdempotencyKey key) => Keys.Add(key);
    }

    /// <summary>Empties the store between property runs.</summary>
    protected abstract void ResetStore();

    internal static string Describe(ReferenceIndex index)
    {
        var youths = IndexModel.Youths.Concat([Sam, Sara]).Distinct();
        return string.Join(
            "\n",
            youths.Select(y =>
                y.RevealNumber() + ": active [" + string.Join(", ", index.GetActiveSignals(y).Select(s => $"{s.Id}/{s.Organisation}/{s.Reporter}/{s.RegisteredAt}/{s.ExpiresOn}/{s.Expiry}"))
                + "] archived [" + string.Join(", ", index.GetArchivedSignals(y).Select(a => $"{a.Signal.Id}/{a.Signal.Organisation}/{a.ArchivedOn}/{a.OfferedAsMatch}"))
                + "] families [" + string.Join(", ", index.GetFamiliesOf(y).Select(f => f.ToString())) + "] matches " + index.GetMatches(y).Count))
            + $"\ncounts {index.ActiveSignalCount}/{index.ArchivedSignalCount}";
    }
}
