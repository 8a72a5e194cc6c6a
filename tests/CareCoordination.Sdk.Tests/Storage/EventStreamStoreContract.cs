using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Coordination.Desk;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Plans;
using CareCoordination.Sdk.Plans.Book;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Consents;
using CareCoordination.Sdk.Privacy.Requests;
using CareCoordination.Sdk.Privacy.Requests.Book;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Coordination;
using CareCoordination.Sdk.Tests.Coordination.Desk;
using CareCoordination.Sdk.Tests.Plans;
using CareCoordination.Sdk.Tests.Signals;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace CareCoordination.Sdk.Tests.Storage;

/// <summary>
/// What every event stream store must do — the durable side of cases, the pool, plans and consents — run against the
/// in-memory store here and against SQLite and a real PostgreSQL server in their own test projects.
/// </summary>
public abstract class EventStreamStoreContract : IDisposable
{
    private static readonly Instant At = Instant.FromUtc(2026, 11, 23, 9, 0);

    /// <summary>Opens the store under test: the same durable data every time it is called, until <see cref="ResetStreams"/> or disposal.</summary>
    protected abstract IEventStreamStore OpenStreams();

    /// <summary>Closes a store opened by <see cref="OpenStreams"/>.</summary>
    protected abstract void CloseStreams(IEventStreamStore store);

    /// <summary>Starts over with an empty store, for the next case of a property.</summary>
    protected abstract void ResetStreams();

    public virtual void Dispose() => GC.SuppressFinalize(this);

    [Fact]
    public void Appended_events_read_back_in_order_with_their_type_schema_version_instant_and_json()
    {
        var first = new StreamEvent("CaseOpened", 1, At, """{"case":7,"meeting":"ZAT De Regenboog"}""");
        var second = new StreamEvent("CaseClosed", 1, At.PlusTicks(1), """{"case":7,"outcome":"GoalsReached"}""");
        WithStore(store =>
        {
            store.Append("case", "7", 0, [first]);
            store.Append("case", "7", 1, [second]);
        });

        var streams = WithStore(store => store.ReadStreams("case"));

        var stream = Assert.Single(streams);
        Assert.Equal(("case", "7"), (stream.Kind, stream.Id));
        Assert.Equal([first.Type, second.Type], stream.Events.Select(e => e.Type));
        Assert.Equal([At, At.PlusTicks(1)], stream.Events.Select(e => e.At));
        Assert.All(stream.Events, e => Assert.Equal(1, e.SchemaVersion));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(first.Json), JsonNode.Parse(stream.Events[0].Json)), "the first event's JSON changed");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(second.Json), JsonNode.Parse(stream.Events[1].Json)), "the second event's JSON changed");
    }

    [Fact]
    public void An_append_made_on_an_older_version_is_refused_and_writes_nothing()
    {
        WithStore(store =>
        {
            store.Append("plan", "3", 0, [Event("PlanDrafted"), Event("GoalSet")]);

            var error = Assert.Throws<StreamVersionConflictException>(() => store.Append("plan", "3", 1, [Event("GoalSet"), Event("ActionAgreed")]));
            Assert.Equal((1, 2), (error.ExpectedVersion, error.ActualVersion));
            Assert.Throws<StreamVersionConflictException>(() => store.Append("plan", "3", 0, [Event("PlanDrafted")]));
        });

        var stream = Assert.Single(WithStore(store => store.ReadStreams("plan")));
        Assert.Equal(["PlanDrafted", "GoalSet"], stream.Events.Select(e => e.Type));
    }

    [Fact]
    public void Two_operations_that_append_to_one_stream_in_a_shared_commit_are_written_one_after_the_other()
    {
        WithStore(store =>
        {
            store.Append("case", "11", 0, [Event("CaseOpened")]);
            ((ICareCoordinationStore)store).Commit(new ChangeSet()
                .Add(new StreamChange("case", "11", 1, [Event("CaseAssessed")]))
                .Add(new StreamChange("plan", "11", 0, [Event("PlanDrafted")]))
                .Add(new StreamChange("case", "11", 2, [Event("CoordinatorAssigned"), Event("CaseHandedOver")])));
        });

        Assert.Equal(["CaseOpened", "CaseAssessed", "CoordinatorAssigned", "CaseHandedOver"], Assert.Single(WithStore(store => store.ReadStreams("case"))).Events.Select(e => e.Type));
        Assert.Equal(["PlanDrafted"], Assert.Single(WithStore(store => store.ReadStreams("plan"))).Events.Select(e => e.Type));
    }

    [Fact]
    public void A_shared_commit_whose_later_append_expects_a_version_the_earlier_one_did_not_leave_writes_nothing()
    {
        WithStore(store => store.Append("case", "12", 0, [Event("CaseOpened")]));

        WithStore(store => Assert.Throws<StreamVersionConflictException>(() => ((ICareCoordinationStore)store).Commit(new ChangeSet()
            .Add(new StreamChange("plan", "12", 0, [Event("PlanDrafted")]))
            .Add(new StreamChange("case", "12", 1, [Event("CaseAssessed")]))
            .Add(new StreamChange("case", "12", 1, [Event("CaseClosed")])))));

        Assert.Equal(["CaseOpened"], Assert.Single(WithStore(store => store.ReadStreams("case"))).Events.Select(e => e.Type));
        Assert.Empty(WithStore(store => store.ReadStreams("plan")));
    }

    [Fact]
    public void Streams_of_one_kind_are_kept_apart_from_streams_of_another_and_ordered_by_identifier()
    {
        WithStore(store =>
        {
            store.Append("case", "2", 0, [Event("CaseOpened")]);
            store.Append("plan", "2", 0, [Event("PlanDrafted")]);
            store.Append("case", "10", 0, [Event("CaseOpened"), Event("CaseClosed")]);
        });

        var cases = WithStore(store => store.ReadStreams("case"));

        Assert.Equal(["10", "2"], cases.Select(s => s.Id));
        Assert.Equal([2, 1], cases.Select(s => s.Events.Count));
        Assert.Single(WithStore(store => store.ReadStreams("plan")));
        Assert.Empty(WithStore(store => store.ReadStreams("consent")));
    }

    [Fact]
    public void An_erased_stream_keeps_only_its_tombstone_and_its_old_version_is_stale()
    {
        WithStore(store =>
        {
            store.Append("consent", "1", 0, [Event("ConsentGiven"), Event("ConsentWithdrawn")]);
            store.EraseStream("consent", "1", Event("StreamErased"));

            Assert.Throws<StreamVersionConflictException>(() => store.Append("consent", "1", 2, [Event("ConsentWithdrawn")]));
        });

        var stream = Assert.Single(WithStore(store => store.ReadStreams("consent")));
        Assert.Equal(["StreamErased"], stream.Events.Select(e => e.Type));
    }

    [Fact]
    public void A_restarted_desk_plan_book_and_consent_register_have_every_case_coordinator_plan_and_consent_they_had()
    {
        var clock = new NodaTime.Testing.FakeClock(IndexScenario.Start);
        var store = OpenStreams();
        string before;
        try
        {
            var (desk, book, consents) = Open(store, clock);
            var scenario = new DeskScenario(clock: clock);
            desk.AddCoordinator(new CareCoordinator(new CoordinatorId(1), DeskScenario.ProfessionalOf(DeskScenario.SocialWork, 1), DeskScenario.SocialWork, TrainingLevel.Specialist, 8m));
            desk.AddCoordinator(new CareCoordinator(new CoordinatorId(2), DeskScenario.ProfessionalOf(DeskScenario.Cjg, 2), DeskScenario.Cjg, TrainingLevel.General, 4m));
            desk.RemoveCoordinator(new CoordinatorId(2), "left the organisation");
            var family = scenario.NewFamily();
            var coordinated = desk.Intake(CaseIntake.ForFamily(IntakeRoute.ReferenceIndex, family, DeskScenario.SocialWork)).Case;
            desk.Intake(CaseIntake.ForFamily(IntakeRoute.CareNetwork, family, DeskScenario.Cjg));
            desk.Assess(coordinated, new CaseAssessment(ProblemDomains.Debt | ProblemDomains.MentalHealth | ProblemDomains.School | ProblemDomains.Parenting, ProblemDomains.Debt, false));
            desk.AssignCoordinator(coordinated);
            desk.RecordCoordinationHours(coordinated, DeskScenario.SocialWork, 1.5m);
            clock.Advance(Duration.FromDays(3));
            var handedOver = desk.Intake(CaseIntake.ForFamily(IntakeRoute.JusticeNetwork, scenario.NewFamily(), DeskScenario.YouthHealthCare)).Case;
            desk.HandOverToYouthProtection(handedOver, DeskScenario.HandoverTo(DeskScenario.YouthProtection, DeskScenario.YouthHealthCare));
            desk.RecordFeedback(handedOver, DeskScenario.YouthHealthCare);
            var closed = desk.Intake(CaseIntake.ForFamily(IntakeRoute.FamilySelfReferral, scenario.NewFamily(), DeskScenario.Cjg)).Case;
            desk.Close(closed, CaseOutcome.FamilyDeclined);

            var plan = book.Draft(coordinated, PlanScenario.Coordinator, DeskScenario.SocialWork);
            plan = book.Change(coordinated, plan.Version, (p, at) => p
                .SetGoal("The family has an overview of its debts", PlanScenario.Coordinator, at)
                .AgreeAction(1, ActionKind.Help, "Debt counselling intake", DeskScenario.SocialWork, new Sdk.Organisations.ProfessionalId(212), book.Today.PlusDays(14), PlanScenario.Coordinator, at)
                .RecordAgreement("Social work leads; the CJG supports", [DeskScenario.SocialWork, DeskScenario.Cjg], PlanScenario.Coordinator, at)
                .RecordRefusal(FamilyMember.Parents, "declines the debt intake", PlanScenario.Coordinator, at)
                .Review(new Dictionary<int, string> { [1] = "no progress" }, [], PlanScenario.Coordinator, at));
            while (book.Find(coordinated)!.Escalation != EscalationLevel.Municipality)
            {
                clock.Advance(Duration.FromDays(30));
                book.AdvanceEscalations(PlanScenario.Coordinator);
            }

            plan = book.Find(coordinated)!;
            book.Change(coordinated, plan.Version, (p, at) => p.OrderEnforcement(new EnforcementOrder(DeskScenario.SocialWork, "start the debt intake", book.Today.PlusDays(7), new Sdk.Organisations.ProfessionalId(901)), PlanScenario.Coordinator, at));

            var youth = IndexScenario.YouthAged(family.Youths[0], 14);
            consents.Give(youth, ConsentPurpose.Coordination, [DeskScenario.SocialWork, DeskScenario.Cjg], ConsentGiver.Parents | ConsentGiver.Youth);
            var withdrawn = consents.Give(youth, ConsentPurpose.SharePlan, [DeskScenario.Cjg], ConsentGiver.Parents | ConsentGiver.Youth, clock.GetCurrentInstant() + Duration.FromDays(90));
            consents.Withdraw(withdrawn.Id);
            consents.RecordLegalBasis(family.Youths[1], LegalBasis.SeriouslyThreateningSituation, "threat at home", PlanScenario.Coordinator, DeskScenario.SocialWork, [DeskScenario.YouthProtection], Duration.FromDays(30));
            before = Describe(desk, book, consents, family);
        }
        finally
        {
            CloseStreams(store);
        }

        store = OpenStreams();
        try
        {
            var (desk, book, consents) = Open(store, clock);

            Assert.Equal(before, Describe(desk, book, consents, new DeskScenario(clock: clock).NewFamily()));
            var next = desk.Intake(CaseIntake.ForFamily(IntakeRoute.ReferenceIndex, Family.Create(new FamilyId(99), [Sdk.Testing.TestBsns.Generate(1, seed: 77)[0]], []), DeskScenario.School));
            Assert.Equal(new CaseId(4), next.Case);
            Assert.Equal(3, consents.Give(IndexScenario.YouthAged(Sdk.Testing.TestBsns.First, 17), ConsentPurpose.Coordination, [DeskScenario.Cjg], ConsentGiver.Youth).Id);
        }
        finally
        {
            CloseStreams(store);
        }
    }

    [Fact]
    public void A_change_made_on_a_case_another_desk_changed_since_is_refused_and_changes_nothing()
    {
        var clock = new NodaTime.Testing.FakeClock(IndexScenario.Start);
        var store = OpenStreams();
        try
        {
            var first = new DeskScenario(clock: clock, store: store);
            var id = first.Open(first.NewFamily(), organisation: DeskScenario.Cjg);
            var second = new DeskScenario(clock: clock, store: store);
            second.Desk.NameCaseHolder(id, DeskScenario.ProfessionalOf(DeskScenario.Cjg, 1), DeskScenario.Cjg);

            Assert.Throws<StreamVersionConflictException>(() => first.Desk.Close(id, CaseOutcome.FamilyDeclined));

            Assert.Equal(CaseStatus.AwaitingCaseHolder, first.Desk.GetCase(id).Status);
            Assert.Equal(2, Assert.Single(store.ReadStreams("case")).Events.Count);
        }
        finally
        {
            CloseStreams(store);
        }
    }

    [Fact]
    public void A_restarted_desk_knows_its_families_current_members_so_a_sibling_joins_the_open_case()
    {
        var clock = new NodaTime.Testing.FakeClock(IndexScenario.Start);
        var youths = Sdk.Testing.TestBsns.Generate(3, seed: 61);
        CaseId opened;
        var store = OpenStreams();
        try
        {
            var desk = new CoordinationDesk(CoordinationPolicy.Default, DeskScenario.CreateSocialMap(), clock, store);
            desk.AddOrReplaceFamily(Family.Create(new FamilyId(5), [youths[0], youths[1]], []));
            opened = desk.Intake(CaseIntake.ForYouths(IntakeRoute.YouthAndFamilyCentre, [youths[0]], DeskScenario.Cjg)).Case;
            desk.AddOrReplaceFamily(Family.Create(new FamilyId(5), [youths[0], youths[2]], []));
        }
        finally
        {
            CloseStreams(store);
        }

        store = OpenStreams();
        try
        {
            var desk = new CoordinationDesk(CoordinationPolicy.Default, DeskScenario.CreateSocialMap(), clock, store);

            var sibling = desk.Intake(CaseIntake.ForYouths(IntakeRoute.CareNetwork, [youths[2]], DeskScenario.School));

            Assert.Equal((opened, false), (sibling.Case, sibling.Opened));
            var family = Assert.Single(store.ReadStreams("family"));
            var left = youths[1].RevealNumber().ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.DoesNotContain(left, Assert.Single(family.Events).Json, StringComparison.Ordinal);
        }
        finally
        {
            CloseStreams(store);
        }
    }

    [Fact]
    public void Erasing_a_youths_consents_leaves_no_trace_of_the_youth_in_the_store_and_never_reuses_their_numbers()
    {
        var clock = new NodaTime.Testing.FakeClock(IndexScenario.Start);
        var youth = IndexScenario.YouthAged(Sdk.Testing.TestBsns.First, 17);
        var store = OpenStreams();
        try
        {
            var (_, _, consents) = Open(store, clock);
            consents.Give(youth, ConsentPurpose.Coordination, [DeskScenario.Cjg], ConsentGiver.Youth);
            consents.RecordLegalBasis(youth.Bsn, LegalBasis.ProtectionMeasure, "supervision order", PlanScenario.Coordinator, DeskScenario.SocialWork, [DeskScenario.YouthProtection], Duration.FromDays(30));

            Assert.Equal(2, consents.Erase(youth.Bsn, "erasure request granted by the privacy officer"));

            var number = youth.Bsn.RevealNumber().ToString(System.Globalization.CultureInfo.InvariantCulture);
            var stored = store.ReadStreams("consent").Concat(store.ReadStreams("legal-basis")).SelectMany(s => s.Events).ToArray();
            Assert.Equal(2, stored.Length);
            Assert.All(stored, e => Assert.DoesNotContain(number, e.Json, StringComparison.Ordinal));
        }
        finally
        {
            CloseStreams(store);
        }

        store = OpenStreams();
        try
        {
            var (_, _, consents) = Open(store, clock);
            Assert.Equal(2, consents.Give(youth, ConsentPurpose.Coordination, [DeskScenario.Cjg], ConsentGiver.Youth).Id);
        }
        finally
        {
            CloseStreams(store);
        }
    }

    [Fact]
    public void A_restarted_request_book_has_every_request_and_decision_it_had_and_holds_the_youth_only_by_its_pseudonym()
    {
        var clock = new NodaTime.Testing.FakeClock(IndexScenario.Start);
        var keying = YouthKeying.Pseudonymised(new YouthPseudonymiser(TestKeys.Bytes("youth")));
        var sam = IndexScenario.YouthAged(Sdk.Testing.TestBsns.First, 14);
        const ConsentGiver both = ConsentGiver.Youth | ConsentGiver.Parents;
        IReadOnlyList<SubjectRequest> before;
        int pendingId;
        var store = OpenStreams();
        try
        {
            var book = new SubjectRequestBook(clock, store, keying);
            var index = new Sdk.Index.ReferenceIndex(Sdk.Regions.RegionPolicy.Default, TestRegion.CreateDirectory(), clock, null, null, null);
            var school = index.Register(IndexScenario.By(TestRegion.School, sam)).Signal;
            var socialWork = index.Register(IndexScenario.By(TestRegion.SocialWork, sam)).Signal;
            pendingId = book.Lodge(SubjectRequestKind.Objection, school, both, "We object to the school's signal.").Id;
            var rejected = book.Lodge(SubjectRequestKind.Erasure, socialWork, both, "Please erase it.");
            clock.Advance(Duration.FromDays(3));
            book.Decide(rejected.Id, upheld: false, TestRegion.ReporterOf(TestRegion.SocialWork), "The concern still stands.");
            before = book.About(sam.Bsn);
            Assert.Equal(2, book.About(sam.Bsn).Count);
        }
        finally
        {
            CloseStreams(store);
        }

        store = OpenStreams();
        try
        {
            var reopened = new SubjectRequestBook(clock, store, keying);

            Assert.Equal(before, reopened.About(sam.Bsn));
            Assert.Equal([pendingId], reopened.PendingFor(TestRegion.School).Select(r => r.Id));
            Assert.Equal((SubjectRequestStatus.Rejected, "The concern still stands."), (reopened.About(sam.Bsn)[1].Status, reopened.About(sam.Bsn)[1].DecisionReason));
            Assert.Throws<SubjectRequestRefusedException>(() => reopened.Decide(reopened.About(sam.Bsn)[1].Id, upheld: true, null, "after all"));
            var number = sam.Bsn.RevealNumber().ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.All(store.ReadStreams("subject-request").SelectMany(s => s.Events), e => Assert.DoesNotContain(number, e.Json, StringComparison.Ordinal));
            Assert.Throws<StoreKeyingMismatchException>(() => new SubjectRequestBook(clock, store, YouthKeying.ByBsn));
        }
        finally
        {
            CloseStreams(store);
        }
    }

    [Fact]
    public void Restarted_information_obligations_keep_what_was_recorded_and_forget_signals_that_left_the_index()
    {
        var clock = new NodaTime.Testing.FakeClock(IndexScenario.Start);
        var sam = IndexScenario.YouthAged(Sdk.Testing.TestBsns.First, 14);
        string before;
        Sdk.Signals.SignalId withdrawn;
        var store = OpenStreams();
        try
        {
            var obligations = new InformationObligations(ConsentPolicy.Default, PlanScenario.Amsterdam, clock, 14, store);
            var index = new Sdk.Index.ReferenceIndex(Sdk.Regions.RegionPolicy.Default, TestRegion.CreateDirectory(), clock, null, [obligations], null);
            var informed = index.Register(IndexScenario.By(TestRegion.School, sam)).Signal.Id;
            var postponed = index.Register(IndexScenario.By(TestRegion.SocialWork, sam)).Signal.Id;
            withdrawn = index.Register(IndexScenario.By(TestRegion.YouthHealthCare, sam)).Signal.Id;
            clock.Advance(Duration.FromDays(2));
            obligations.RecordInformed(informed, ConsentGiver.Youth);
            obligations.RecordPostponed(postponed, "informing the parents now would endanger the child");
            index.Withdraw(sam.Bsn, TestRegion.YouthHealthCare, Sdk.Signals.WithdrawalReason.Unjustified);
            before = string.Join('\n', obligations.About(sam.Bsn));
            Assert.Equal(2, obligations.About(sam.Bsn).Count);
        }
        finally
        {
            CloseStreams(store);
        }

        store = OpenStreams();
        try
        {
            var reopened = new InformationObligations(ConsentPolicy.Default, PlanScenario.Amsterdam, clock, 14, store);

            Assert.Equal(before, string.Join('\n', reopened.About(sam.Bsn)));
            Assert.All(reopened.About(sam.Bsn), o => Assert.Equal(IndexScenario.Today.PlusDays(14), o.DueOn));
            Assert.Contains(reopened.About(sam.Bsn), o => o.PostponedBecause is not null);
            Assert.Null(reopened.Find(withdrawn));
            var number = sam.Bsn.RevealNumber().ToString(System.Globalization.CultureInfo.InvariantCulture);
            var gone = Assert.Single(store.ReadStreams("information-obligation"), s => s.Id == withdrawn.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.DoesNotContain(number, Assert.Single(gone.Events).Json, StringComparison.Ordinal);
        }
        finally
        {
            CloseStreams(store);
        }
    }

    [Fact]
    public void An_event_written_by_a_newer_SDK_is_refused_with_the_version_it_has()
    {
        WithStore(store => store.Append("case", "1", 0, [new StreamEvent("CaseOpened", StreamDocuments.SchemaVersion + 1, At, "{}")]));

        var error = Assert.Throws<UnsupportedSchemaVersionException>(() => WithStore(store => new DeskScenario(store: store)));

        Assert.Equal(StreamDocuments.SchemaVersion + 1, error.SchemaVersion);
    }

    [Property(MaxTest = 40)]
    public void A_random_sequence_of_desk_and_plan_changes_written_to_the_store_rebuilds_the_same_desk_and_plans(NonEmptyArray<(byte Kind, byte Target, byte Argument)> operations)
    {
        ResetStreams();
        var clock = new NodaTime.Testing.FakeClock(IndexScenario.Start);
        var store = OpenStreams();
        string live;
        try
        {
            var scenario = new DeskScenario(clock: clock, store: store);
            var book = new PlanBook(scenario.Desk, PlanPolicy.Default, PlanScenario.Amsterdam, clock, store);
            var families = Enumerable.Range(0, 4).Select(_ => scenario.NewFamily()).ToArray();
            var nextCoordinator = 1;
            foreach (var (kind, target, argument) in operations.Get.Take(40))
            {
                var family = families[target % families.Length];
                var open = scenario.Desk.FindOpenCase(family.Id);
                try
                {
                    if (kind % 13 < 11)
                    {
                        CoordinationDeskProperties.Apply(scenario, family, open, kind % 13, argument, ref nextCoordinator);
                    }
                    else if (open is not null)
                    {
                        ChangePlan(book, open.Id, argument);
                    }
                }
                catch (CoordinationException)
                {
                    // Refused changes are part of a random history: they must leave nothing in the store either.
                }

                clock.Advance(Duration.FromHours(argument));
            }

            live = Describe(scenario.Desk, book);
        }
        finally
        {
            CloseStreams(store);
        }

        store = OpenStreams();
        try
        {
            var desk = new CoordinationDesk(CoordinationPolicy.Default, DeskScenario.CreateSocialMap(), clock, store);
            PropertyCheck.That(live == Describe(desk, new PlanBook(desk, PlanPolicy.Default, PlanScenario.Amsterdam, clock, store)), "the rebuilt desk or plans differ from the live ones");
        }
        finally
        {
            CloseStreams(store);
        }
    }

    private static void ChangePlan(PlanBook book, CaseId @case, byte argument)
    {
        if (book.Find(@case) is not { } plan)
        {
            book.Draft(@case, PlanScenario.Coordinator, DeskScenario.SocialWork);
            return;
        }

        var goal = plan.Goals.Count;
        book.Change(@case, plan.Version, (p, at) => (argument % 4, goal) switch
        {
            (0, _) or (_, 0) => p.SetGoal("goal " + argument, PlanScenario.Coordinator, at),
            (1, _) => p.AgreeAction(goal, ActionKind.Help, "help " + argument, DeskScenario.SocialWork, new Sdk.Organisations.ProfessionalId(212), book.Today.PlusDays(argument % 30), PlanScenario.Coordinator, at),
            (2, _) => p.RecordChangedCircumstances("change " + argument, (argument & 8) != 0, PlanScenario.Coordinator, at),
            _ => p.AdvanceEscalation(book.Today, book.Policy, PlanScenario.Coordinator, at),
        });
    }

    private static (CoordinationDesk Desk, PlanBook Book, ConsentRegister Consents) Open(IEventStreamStore store, NodaTime.Testing.FakeClock clock)
    {
        var desk = new CoordinationDesk(CoordinationPolicy.Default, DeskScenario.CreateSocialMap(), clock, store);
        return (desk, new PlanBook(desk, PlanPolicy.Default, PlanScenario.Amsterdam, clock, store), new ConsentRegister(ConsentPolicy.Default, PlanScenario.Amsterdam, clock, store));
    }

    private static StreamEvent Event(string type) => new(type, 1, At, "{}");

    /// <summary>Everything a desk and its plans hold, as text: each case's and plan's history re-serialised (a field lost on the way back shows here), the derived state and the pool.</summary>
    private static string Describe(CoordinationDesk desk, PlanBook book)
    {
        var text = new StringBuilder();
        foreach (var coordinator in desk.Pool)
        {
            text.AppendLine(coordinator + " " + coordinator.Professional);
        }

        for (var id = 1; TryGetCase(desk, new CaseId(id)) is { } c; id++)
        {
            text.AppendLine(System.FormattableString.Invariant($"{c} {c.Status} {c.Tier} {c.Coordinator} {c.CaseHolder} {c.WaitingReason} {c.WaitingSince} {c.Version} {string.Join(',', c.Routes)} {string.Join(',', c.InvolvedOrganisations)}"));
            foreach (var e in c.History)
            {
                text.AppendLine(StreamDocuments.For(Sdk.Storage.YouthKeying.ByBsn).Write(e).Json);
            }

            if (book.Find(c.Id) is { } plan)
            {
                text.AppendLine(System.FormattableString.Invariant($"{plan} {plan.Escalation} {plan.EscalationDeadline} {plan.Version} {plan.UnaddressedChange?.Description}"));
                foreach (var e in plan.History)
                {
                    text.AppendLine(StreamDocuments.For(Sdk.Storage.YouthKeying.ByBsn).Write(e).Json);
                }
            }
        }

        var overview = desk.GetOverview();
        text.AppendLine(string.Join(';', overview.OpenCasesPerTier.OrderBy(p => p.Key)))
            .AppendLine(string.Join(';', overview.OpenCasesPerStatus.OrderBy(p => p.Key)))
            .AppendLine(string.Join(';', overview.HoursSpentPerTier.OrderBy(p => p.Key)))
            .AppendLine(string.Join(';', overview.Coordinators))
            .AppendLine(string.Join(';', overview.Waiting))
            .AppendLine(System.FormattableString.Invariant($"{overview.MedianTimeToCoordinator} {overview.CasesHandedOver}"));
        return text.ToString();
    }

    private static string Describe(CoordinationDesk desk, PlanBook book, ConsentRegister consents, Family family)
    {
        var text = new StringBuilder(Describe(desk, book));
        foreach (var youth in family.Youths)
        {
            var (given, bases) = consents.About(youth);
            foreach (var consent in given)
            {
                text.AppendLine(System.FormattableString.Invariant($"{consent} {consent.Start} {consent.End} {consent.WithdrawnAt} {string.Join(',', consent.Recipients)}"));
            }

            foreach (var record in bases)
            {
                text.AppendLine(System.FormattableString.Invariant($"{record} {record.Justification} {record.At} {record.Until} {string.Join(',', record.Recipients)}"));
            }
        }

        return text.ToString();
    }

    private static CoordinationCase? TryGetCase(CoordinationDesk desk, CaseId id)
    {
        try
        {
            return desk.GetCase(id);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    private void WithStore(Action<IEventStreamStore> action) => WithStore(store =>
    {
        action(store);
        return 0;
    });

    private T WithStore<T>(Func<IEventStreamStore, T> action) => StoreSession.Use(OpenStreams, CloseStreams, action);
}
