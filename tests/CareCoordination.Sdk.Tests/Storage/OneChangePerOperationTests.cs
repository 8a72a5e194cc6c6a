using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text;
using System;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Coordination.Desk;
using CareCoordination.Sdk.Facility;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.FollowUp.Book;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Logbook.Book;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Notifications;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Plans;
using CareCoordination.Sdk.Plans.Book;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Privacy.Consents;
using CareCoordination.Sdk.Privacy.Requests;
using CareCoordination.Sdk.Privacy.Requests.Book;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Signals.Events;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Telemetry;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CareCoordination.Sdk.Tests.Storage;

/// <summary>
/// One operation, one commit: every operation is run against a store that fails at each of its write positions in turn.
/// After each failure, every area in memory and everything reopened from the store must be exactly as before the
/// operation; a store that took part of the operation in an earlier transaction would show it on reopening. Nobody may
/// hear of a failed operation either: no listener event, no notification in any feed, no metric. The meter is
/// process-wide, so these tests run alone.
/// </summary>
[Collection(nameof(MeterIsolation))]
public sealed class OneChangePerOperationTests
{
    private static readonly OrganisationId Jgz = TestRegion.YouthHealthCare;
    private static readonly OrganisationId Amw = TestRegion.SocialWork;
    private static readonly OrganisationId YouthProtection = TestRegion.YouthProtection;
    private static readonly Bsn[] People = TestBsns.Generate(7, seed: 77);
    private static readonly Youth Sam = new(People[0], new LocalDate(2016, 3, 1));
    private static readonly Youth Sara = new(People[1], new LocalDate(2013, 6, 1));
    private static readonly Youth Noor = new(People[2], new LocalDate(2010, 9, 1));
    private static readonly Youth Lina = new(People[5], new LocalDate(2012, 4, 1));
    private static readonly Youth Mo = new(People[6], new LocalDate(2011, 8, 1));
    private static readonly Actor PrivacyOfficer = new("fg", ActorRole.Auditor, TestRegion.YouthAndFamilyCentre, null, "Privacy console");
    private static readonly Actor Director = new("zorgregisseur", ActorRole.CoordinationDirector, TestRegion.YouthAndFamilyCentre, null, "Vendor client 4.2");
    private static readonly Actor Feed = new("brp-feed", ActorRole.PopulationRegisterFeed, TestRegion.YouthAndFamilyCentre, null, "BRP-koppeling");
    private static readonly SubstituteNumber Unnamed = SubstituteNumber.Derive("Yilmaz", new LocalDate(2019, 2, 1), Sex.Female);

    public static TheoryData<string> Operations => new(OperationsByName.Keys);

    /// <summary>Time that passes before an operation: the law ends signals on their dates, so "before" is described after it.</summary>
    private static readonly Dictionary<string, Duration> TimeBefore = new()
    {
        ["the expiry sweep two years later"] = Duration.FromDays(800),
        ["a renewal by the organisation that already signalled, a month later"] = Duration.FromDays(30),
        ["the logbook purge once its retention ended"] = Duration.FromDays(61 * 31),
        ["the audit trail's purge after five years"] = Duration.FromDays(62 * 31),
        ["an asynchronous expiry sweep two years later"] = Duration.FromDays(800),
    };

    /// <summary>What an operation needs beyond the common setup, done before the state it must leave as it was is taken.</summary>
    private static readonly Dictionary<string, Action<Sdk>> PreparedBy = new()
    {
        ["a move to another municipality, with notices to the reporters"] = sdk =>
            sdk.Index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [Sam.Bsn, Sara.Bsn], [People[3]], AddressKey.Create("4001 AA", 1), MunicipalityCode.FromNumber(281))),
        ["feedback from youth protection recorded by the organisation informed, through the door"] = HandOverSamsCase,
        ["coordination returned from youth protection by its case holder, through the door"] = sdk =>
        {
            HandOverSamsCase(sdk);
            sdk.Desk.NameCaseHolder(CaseOf(sdk, Sam), TestRegion.ReporterOf(YouthProtection), YouthProtection);
        },
    };

    private static Dictionary<string, Action<Sdk> > OperationsByName { get; } = new(StringComparer.Ordinal)
    {
        ["a registration whose match joins the family's case"] = sdk => sdk.Index.Register(By(YouthProtection, Sam)).ThrowIfRefused(),
        ["a batch whose matches open a new case"] = sdk => sdk.Index.RegisterBatch([By(Jgz, Noor), By(YouthProtection, Noor)]),
        ["a withdrawal that erases the information obligation"] = sdk => sdk.Index.Withdraw(Sara.Bsn, Amw, WithdrawalReason.Unjustified),
        ["a youth's death"] = sdk => sdk.Index.RecordDeath(Sam.Bsn),
        ["the expiry sweep two years later"] = sdk => sdk.Index.ExpireDue(),
        ["a coordinator leaving the pool"] = sdk => sdk.Desk.RemoveCoordinator(new CoordinatorId(1), "left the organisation"),
        ["the daily escalation check"] = sdk => sdk.Plans.AdvanceEscalations(TestRegion.ReporterOf(Amw), sdk.Plans.Today.PlusDays(30)),
        ["an erasure of a youth's consents and legal bases"] = sdk => sdk.Consents.Erase(Sam.Bsn, "erasure request"),
        ["a withdrawal through the person-data door, with its audit record"] = sdk => sdk.Access.Withdraw(Reporter(Amw), Sara.Bsn, WithdrawalReason.RiskGone),
        ["a substitute number replaced by the BSN through the person-data door, audited under both"] = sdk => sdk.Access.AssignBsn(Reporter(Jgz), Unnamed, People[4]),
        ["a consent given through the person-data door, with its audit record"] = sdk =>
            sdk.Access.GiveConsent(CoordinatorOf(Amw), sdk.Desk.WhichCaseHandles(Sam.Bsn)!.Case, Sam, ConsentPurpose.SharePlan, [Jgz], ConsentGiver.Parents),
        ["a family change from the population register, which reaches the desk too"] = sdk =>
            sdk.Index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [Sam.Bsn, Sara.Bsn, Noor.Bsn], [People[3]])),
        ["a renewal by the organisation that already signalled, a month later"] = sdk => sdk.Index.Register(By(Jgz, Sam)).ThrowIfRefused(),
        ["a case intake from the care network"] = sdk => sdk.Desk.Intake(CaseIntake.ForYouths(IntakeRoute.CareNetwork, [Noor.Bsn], Amw)),
        ["an assessment by the coordinator through the door that finds the children unsafe"] = sdk =>
            sdk.Access.AssessCase(CoordinatorOf(Amw), CaseOf(sdk, Sam), new CaseAssessment(ProblemDomains.Parenting | ProblemDomains.Debt | ProblemDomains.Safety, ProblemDomains.Safety, safetyThreatened: true)),
        ["a coordinator assigned to a waiting case by the director through the door"] = sdk => sdk.Access.AssignCoordinator(Director, CaseOf(sdk, Lina)).ThrowIfRefused(),
        ["a case reassigned to another coordinator by the director through the door"] = sdk => sdk.Access.ReassignCoordinator(Director, CaseOf(sdk, Sam), "the coordinator is ill").ThrowIfRefused(),
        ["a handover to youth protection by the coordinator through the door"] = sdk => sdk.Access.HandOverToYouthProtection(
            CoordinatorOf(Amw), CaseOf(sdk, Sam), new Handover(YouthProtection, YouthProtectionMeasure.SupervisionOrder, "weekly contact with the family", [Amw, Jgz], Duration.FromDays(30))),
        ["a plan drafted by the case holder through the door, audited per youth"] = sdk => sdk.Access.DraftPlan(CoordinatorOf(Amw), CaseOf(sdk, Mo)),
        ["a plan changed by the coordinator through the door, audited per youth"] = sdk => sdk.Access.ChangePlan(CoordinatorOf(Amw), CaseOf(sdk, Sam), sdk.Plans.Find(CaseOf(sdk, Sam))!.Version, (p, by, at) => p
            .AgreeAction(1, ActionKind.Help, "Budget coaching at home", Jgz, TestRegion.ReporterOf(Jgz), sdk.Plans.Today.PlusDays(14), by, at)),
        ["a legal basis recorded through the person-data door"] = sdk => sdk.Access.RecordLegalBasis(
            CoordinatorOf(Amw), CaseOf(sdk, Sam), Sara.Bsn, LegalBasis.SeriouslyThreateningSituation, "the parents cannot be reached and the danger is acute", [Jgz], Duration.FromDays(14)),
        ["a consent withdrawn through the person-data door"] = sdk =>
        {
            var consent = sdk.Consents.About(Sam.Bsn).Consents.Single();
            sdk.Access.WithdrawConsent(CoordinatorOf(Amw), CaseOf(sdk, Sam), consent.Id, consent.Version);
        },
        ["parents informed of a signal, recorded through the person-data door"] = sdk => sdk.Access.RecordInformed(Reporter(Jgz), SignalOf(sdk, Jgz, Sam), ConsentGiver.Parents),
        ["informing postponed, recorded through the person-data door"] = sdk => sdk.Access.RecordPostponed(Reporter(Amw), SignalOf(sdk, Amw, Sara), "informing now would endanger the child"),
        ["an objection upheld through the person-data door, removing the signal in the decision's change set"] = sdk =>
            sdk.Access.DecideRequest(Reporter(Amw), SarasObjection, upheld: true, "The signal was not needed."),
        ["an erasure request rejected through the person-data door"] = sdk =>
            sdk.Access.DecideRequest(Reporter(Jgz), SamsErasureRequest, upheld: false, "The concern still stands."),
        ["a correction request lodged by the youth and the parents together"] = sdk =>
            sdk.Access.LodgeRequest(Requester, Sara, new VerifiedRequester(ConsentGiver.Youth | ConsentGiver.Parents, IdentityVerification.DigiD, "session 2"), SignalOf(sdk, Amw, Sara), SubjectRequestKind.Correction, "The signal is about another girl."),
        ["a family removed from the population register"] = sdk => sdk.Index.RemoveFamily(new FamilyId(1)),
        ["a family removed through the person-data door, audited per member"] = sdk => sdk.Access.RemoveFamily(Feed, new FamilyId(1)),
        ["a family change through the person-data door, audited per member, which reaches the desk too"] = sdk =>
            sdk.Access.AddOrReplaceFamily(Feed, Family.Create(new FamilyId(1), [Sam.Bsn, Sara.Bsn, Noor.Bsn], [People[3]])),
        ["a youth's death through the person-data door, audited"] = sdk => sdk.Access.RecordDeath(Feed, Sam.Bsn),
        ["a youth's consents erased through the person-data door by the privacy officer, audited"] = sdk =>
            sdk.Access.EraseConsents(PrivacyOfficer, Sam.Bsn, "erasure request granted by the privacy officer"),
        ["a case intake through the person-data door, audited per youth"] = sdk => sdk.Access.TakeIn(Reporter(Amw), CaseIntake.ForYouths(IntakeRoute.CareNetwork, [Noor.Bsn], Amw)),
        ["a move to another municipality, with notices to the reporters"] = sdk =>
            sdk.Index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [Sam.Bsn, Sara.Bsn], [People[3]], AddressKey.Create("4101 AB", 3), MunicipalityCode.FromNumber(216))),
        ["a coordinator joining the pool"] = sdk => sdk.Desk.AddCoordinator(new CareCoordinator(new CoordinatorId(3), TestRegion.ReporterOf(YouthProtection), YouthProtection, TrainingLevel.Specialist, weeklyHours: 12)),
        ["a coordinator the family chose, assigned to a waiting case by the director through the door, audited per youth"] = sdk => sdk.Access.AssignChosenCoordinator(Director, CaseOf(sdk, Lina), new CoordinatorId(2)).ThrowIfRefused(),
        ["a coordinator stepping down from a case through the door, audited per youth"] = sdk => sdk.Access.ReleaseCoordinator(CoordinatorOf(Amw), CaseOf(sdk, Sam), "the family asked for someone else"),
        ["a case holder named by an involved organisation through the door, audited per youth"] = sdk => sdk.Access.NameCaseHolder(Reporter(Jgz), CaseOf(sdk, Lina)),
        ["feedback from youth protection recorded by the organisation informed, through the door"] = sdk => sdk.Access.RecordFeedback(Reporter(Amw), CaseOf(sdk, Sam)),
        ["coordination returned from youth protection by its case holder, through the door"] = sdk => sdk.Access.ReturnFromYouthProtection(CoordinatorOf(YouthProtection), CaseOf(sdk, Sam), "the supervision order ended"),
        ["coordination hours recorded by the coordinator through the door"] = sdk => sdk.Access.RecordCoordinationHours(CoordinatorOf(Amw), CaseOf(sdk, Sam), 1.5m),
        ["a case closed with its outcome by the coordinator through the door"] = sdk => sdk.Access.CloseCase(CoordinatorOf(Amw), CaseOf(sdk, Sam), CaseOutcome.GoalsReached),
        ["an asynchronous registration"] = sdk => sdk.Index.RegisterAsync(By(YouthProtection, Sam)).GetAwaiter().GetResult().ThrowIfRefused(),
        ["an asynchronous withdrawal through the person-data door"] = sdk => sdk.Access.WithdrawAsync(Reporter(Amw), Sara.Bsn, WithdrawalReason.RiskGone).GetAwaiter().GetResult(),
        ["an asynchronous expiry sweep two years later"] = sdk => sdk.Index.ExpireDueAsync().GetAwaiter().GetResult(),
        ["an asynchronous assessment by an involved organisation through the door"] = sdk => sdk.Access.AssessCaseAsync(Reporter(Jgz), CaseOf(sdk, Lina), new CaseAssessment(ProblemDomains.Parenting, ProblemDomains.Parenting, safetyThreatened: false)).GetAwaiter().GetResult(),
        ["a central contact recorded for a family match"] = sdk => sdk.FollowUps.RecordCentralContact(SignalOf(sdk, Jgz, Sam), SignalOf(sdk, Amw, Sara), Amw, TestRegion.ReporterOf(Jgz)),
        ["a substitute number issued for a youth without a BSN"] = sdk => sdk.Substitutes.Issue("De Vries", new LocalDate(2020, 5, 5), Sex.Male),
        ["a facilitated signal on a youth the facility cannot identify, under a new substitute number"] = sdk =>
            sdk.Facility.SubmitAsync(new FacilitatedSignal(new IdentifyingDetails("Bakker", new LocalDate(2018, 7, 7), Sex.Female), Amw, TestRegion.ReporterOf(Amw), ReportingCriterion.SeriousUpbringingProblems)).AsTask().GetAwaiter().GetResult(),
        ["the logbook purge once its retention ended"] = sdk => sdk.Logbook.Purge(sdk.Plans.Today),
        ["the audit trail's purge after five years"] = sdk => sdk.Audit.PurgeBefore(Instant.FromUtc(2026, 11, 24, 0, 0)),
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public void An_operation_that_fails_at_any_write_leaves_every_area_and_the_store_as_before(string operation)
    {
        var run = OperationsByName[operation];
        int positions;
        for (positions = 1; ; positions++)
        {
            var store = new FailingStore();
            var clock = new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0));
            string before;
            using (var sdk = new Sdk(store, clock))
            {
                Setup(sdk);
                PreparedBy.GetValueOrDefault(operation)?.Invoke(sdk);
                clock.Advance(TimeBefore.GetValueOrDefault(operation));
                before = sdk.Describe();
                var stored = store.Dump();
                store.FailAtWrite(positions);
                sdk.Listener.Heard.Clear();
                using var metrics = new MetricsHeard();
                try
                {
                    run(sdk);
                }
                catch (Exception failure) when (failure is StoreFailedOnPurposeException || failure.InnerException is StoreFailedOnPurposeException)
                {
                    Assert.Empty(sdk.Listener.Heard);
                    Assert.Empty(metrics.Heard);
                    Assert.Equal(stored, store.Dump());
                    Assert.Equal(before, sdk.Describe());
                    using var reopened = new Sdk(store, clock);
                    Assert.Equal(before, reopened.Describe());
                    continue;
                }

                Assert.NotEqual(before, sdk.Describe());
                using var afterwards = new Sdk(store, clock);
                Assert.Equal(sdk.Describe(), afterwards.Describe());
                break;
            }
        }

        Assert.True(positions > 1, "the operation wrote nothing, so no failure was tried");
    }

    [Fact]
    public void A_registration_and_everything_it_sets_off_reach_the_store_in_one_commit_and_are_heard_after_it()
    {
        var store = new FailingStore();
        using var sdk = new Sdk(store, new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0)));
        Setup(sdk);
        var commits = store.Commits;
        sdk.Listener.Heard.Clear();
        using var metrics = new MetricsHeard();

        sdk.Index.Register(By(YouthProtection, Sam)).ThrowIfRefused();

        Assert.Equal(["registered", "match", "match"], sdk.Listener.Heard);
        Assert.Contains(metrics.Heard, m => m.StartsWith(CareCoordinationTelemetry.SignalsRegistered + " ", StringComparison.Ordinal));
        Assert.Contains(metrics.Heard, m => m.StartsWith(CareCoordinationTelemetry.MatchesFound + " ", StringComparison.Ordinal));
        Assert.NotEmpty(sdk.Feed.Read(Jgz, 0, NotificationFeed.MaxPageSize).Notifications);
        Assert.Equal(commits + 1, store.Commits);
        var last = store.LastChangeSet!;
        Assert.Single(last.SignalCommits);
        Assert.Contains(last.Streams, s => s.Kind == "information-obligation");
        Assert.Contains(last.Streams, s => s.Kind == "case");
    }

    // Lodged in the setup, in this order.
    private const int SarasObjection = 1;
    private const int SamsErasureRequest = 2;

    private static Actor Requester => new("digid-verified-requester", ActorRole.DataSubject, null, null, "Municipal portal");

    private static void HandOverSamsCase(Sdk sdk) => sdk.Desk.HandOverToYouthProtection(
        CaseOf(sdk, Sam), new Handover(YouthProtection, YouthProtectionMeasure.SupervisionOrder, "weekly contact with the family", [Amw, Jgz], Duration.FromDays(30)));

    private static CaseId CaseOf(Sdk sdk, Youth youth) => sdk.Desk.WhichCaseHandles(youth.Bsn)!.Case;

    private static SignalId SignalOf(Sdk sdk, OrganisationId organisation, Youth youth) => sdk.Index.GetActiveSignals(youth.Bsn).Single(s => s.Organisation == organisation).Id;

    private static Actor CoordinatorOf(OrganisationId organisation) =>
        new("coordinator-" + organisation.Value, ActorRole.Coordinator, organisation, TestRegion.ReporterOf(organisation), "Vendor client 4.2");

    private static Actor Reporter(OrganisationId organisation) =>
        new("user-" + organisation.Value, ActorRole.Reporter, organisation, TestRegion.ReporterOf(organisation), "Vendor client 4.2");

    private static SignalRegistration By(OrganisationId organisation, Youth youth) =>
        new(youth, organisation, TestRegion.ReporterOf(organisation), ReportingCriterion.SeriousUpbringingProblems);

    private static void Setup(Sdk sdk)
    {
        sdk.Index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [Sam.Bsn, Sara.Bsn], [People[3]]));
        sdk.Desk.AddCoordinator(new CareCoordinator(new CoordinatorId(1), TestRegion.ReporterOf(Amw), Amw, TrainingLevel.Specialist, weeklyHours: 8));
        sdk.Desk.AddCoordinator(new CareCoordinator(new CoordinatorId(2), TestRegion.ReporterOf(Jgz), Jgz, TrainingLevel.Specialist, weeklyHours: 8));
        sdk.Index.Register(By(Jgz, Sam)).ThrowIfRefused();
        sdk.Index.Register(By(Amw, Sara)).ThrowIfRefused();
        sdk.Index.Register(By(Jgz, Youth.WithoutBsn(Unnamed, new LocalDate(2019, 2, 1)))).ThrowIfRefused();
        var caseId = sdk.Desk.WhichCaseHandles(Sam.Bsn)!.Case;
        sdk.Desk.Assess(caseId, new CaseAssessment(ProblemDomains.Parenting | ProblemDomains.Debt, ProblemDomains.Debt, safetyThreatened: false));
        sdk.Desk.AssignCoordinator(caseId).ThrowIfRefused();
        var by = TestRegion.ReporterOf(Amw);
        var plan = sdk.Plans.Draft(caseId, by, Amw);
        sdk.Plans.Change(caseId, plan.Version, (p, at) => p
            .SetGoal("The parents have an overview of their debts", by, at)
            .AgreeAction(1, ActionKind.Help, "Debt counselling intake", Amw, by, sdk.Plans.Today.PlusDays(7), by, at));
        sdk.Consents.Give(Sam, ConsentPurpose.Coordination, [Amw], ConsentGiver.Parents);
        sdk.Consents.RecordLegalBasis(Sam.Bsn, LegalBasis.SeriouslyThreateningSituation, "acute danger", TestRegion.ReporterOf(YouthProtection), YouthProtection, [Jgz], Duration.FromDays(30));
        var waiting = sdk.Desk.Intake(CaseIntake.ForYouths(IntakeRoute.YouthAndFamilyCentre, [Lina.Bsn], Jgz)).Case;
        sdk.Desk.Assess(waiting, new CaseAssessment(ProblemDomains.Parenting | ProblemDomains.Debt, ProblemDomains.Debt, safetyThreatened: false));
        var heldByCaseHolder = sdk.Desk.Intake(CaseIntake.ForYouths(IntakeRoute.CareNetwork, [Mo.Bsn], Amw)).Case;
        sdk.Desk.Assess(heldByCaseHolder, new CaseAssessment(ProblemDomains.Parenting, ProblemDomains.Parenting, safetyThreatened: false));
        sdk.Desk.NameCaseHolder(heldByCaseHolder, TestRegion.ReporterOf(Amw), Amw);
        Assert.Equal(SarasObjection, sdk.Access.LodgeRequest(Requester, Sara, new VerifiedRequester(ConsentGiver.Youth | ConsentGiver.Parents, IdentityVerification.DigiD, "session 1"), SignalOf(sdk, Amw, Sara), SubjectRequestKind.Objection, "We object.").Id);
        Assert.Equal(SamsErasureRequest, sdk.Access.LodgeRequest(Requester, Sam, new VerifiedRequester(ConsentGiver.Parents, IdentityVerification.DigiD, "session 1"), SignalOf(sdk, Jgz, Sam), SubjectRequestKind.Erasure, "Please erase it.").Id);
    }

    /// <summary>The SDK as a host registers it, on one store.</summary>
    private sealed class Sdk : IDisposable
    {
        private readonly ServiceProvider _services;

        public Sdk(FailingStore store, FakeClock clock)
        {
            Clock = clock;
            _services = HostedSdk.Build(store, clock, configure: services => services.AddSingleton<IReferenceIndexObserver>(Listener));
            Index = _services.GetRequiredService<ReferenceIndex>();
            Desk = _services.GetRequiredService<CoordinationDesk>();
            Plans = _services.GetRequiredService<PlanBook>();
            Consents = _services.GetRequiredService<ConsentRegister>();
            Obligations = _services.GetRequiredService<InformationObligations>();
            Access = _services.GetRequiredService<PersonDataAccess>();
            Audit = _services.GetRequiredService<AuditTrail>();
            Feed = _services.GetRequiredService<NotificationFeed>();
            Requests = _services.GetRequiredService<SubjectRequestBook>();
            FollowUps = _services.GetRequiredService<MatchFollowUpBook>();
            Moves = _services.GetRequiredService<MoveNotices>();
            Substitutes = _services.GetRequiredService<SubstituteNumberRegister>();
            Logbook = _services.GetRequiredService<SignalLogbook>();
            Facility = new FacilitatedSignalDesk(Index, new FakeBsnFacility(), Substitutes);
        }

        public MatchFollowUpBook FollowUps { get; }

        public MoveNotices Moves { get; }

        public SubstituteNumberRegister Substitutes { get; }

        public SignalLogbook Logbook { get; }

        public FacilitatedSignalDesk Facility { get; }

        public FakeClock Clock { get; }

        public RecordingListener Listener { get; } = new();

        public NotificationFeed Feed { get; }

        public ReferenceIndex Index { get; }

        public CoordinationDesk Desk { get; }

        public PlanBook Plans { get; }

        public ConsentRegister Consents { get; }

        public InformationObligations Obligations { get; }

        public PersonDataAccess Access { get; }

        public AuditTrail Audit { get; }

        public SubjectRequestBook Requests { get; }

        public void Dispose() => _services.Dispose();

        /// <summary>Everything every area holds about the story's persons, in a canonical text.</summary>
        public string Describe()
        {
            var documents = StreamDocuments.For(YouthKeying.ByBsn);
            var text = new StringBuilder();
            text.Append(FormattableString.Invariant($"index: {Index.ActiveSignalCount} active, {Index.ArchivedSignalCount} archived\n"));
            foreach (var person in People.Append(Unnamed.AsIndexKey()))
            {
                text.Append(person.RevealDigits()).Append(":\n");
                foreach (var signal in Index.GetActiveSignals(person))
                {
                    text.Append("  active ").Append(Describe(signal)).Append('\n');
                }

                foreach (var archived in Index.GetArchivedSignals(person))
                {
                    text.Append("  archived ").Append(Describe(archived.Signal)).Append(FormattableString.Invariant($" on {archived.ArchivedOn} offered {archived.OfferedAsMatch}\n"));
                }

                foreach (var family in Index.GetFamiliesOf(person))
                {
                    text.Append("  family ").Append(family.Id).Append(' ').AppendJoin(',', family.Youths.Select(y => y.RevealDigits())).Append('\n');
                }

                text.Append("  desk: ").Append(Desk.WhichCaseHandles(person)?.Case.ToString() ?? "no open case").Append('\n');
                var (consents, legalBases) = Consents.About(person);
                text.AppendJoin('\n', consents.Select(c => "  " + c)).AppendJoin('\n', legalBases.Select(l => "  " + l)).Append('\n');
                text.AppendJoin('\n', Obligations.About(person).Select(o => "  " + o)).Append('\n');
                text.AppendJoin('\n', Requests.About(person).Select(r => FormattableString.Invariant($"  {r} {r.DecidedAt} {r.DecisionReason}"))).Append('\n');
            }

            foreach (var organisation in new[] { Jgz, Amw, YouthProtection })
            {
                text.AppendJoin('\n', Feed.Read(organisation, 0, NotificationFeed.MaxPageSize).Notifications.Select(n => FormattableString.Invariant($"notified {n.Id} {n.RecordedAt} {n.Notification}"))).Append('\n');
                text.AppendJoin('\n', Moves.Read(organisation).Select(n => FormattableString.Invariant($"move notice {n with { Signals = [] }} {string.Join(',', n.Signals)}"))).Append('\n');
            }

            text.AppendJoin('\n', FollowUps.All.Select(f => FormattableString.Invariant($"follow-up {f}"))).Append('\n');
            text.AppendJoin('\n', Substitutes.Issued.Select(n => FormattableString.Invariant($"substitute {n}"))).Append('\n');
            text.AppendJoin('\n', Logbook.Lines.Select(l => FormattableString.Invariant($"logbook {l}"))).Append('\n');
            text.AppendJoin('\n', Audit.Export().Select(r => FormattableString.Invariant($"audit {r.Sequence} {r.Action} {r.Data} {r.Detail}"))).Append('\n');
            text.Append("pool: ").AppendJoin(", ", Desk.Pool.Select(c => c.ToString())).Append('\n');
            for (var id = 1; TryGetCase(new CaseId(id)) is { } c; id++)
            {
                text.Append(FormattableString.Invariant($"{c.Id} {c.Status} {c.Tier} {c.Coordinator} v{c.Version}\n"));
                text.AppendJoin('\n', c.History.Select(e => documents.Write(e).Json)).Append('\n');
                if (Plans.Find(c.Id) is { } plan)
                {
                    text.AppendJoin('\n', plan.History.Select(e => documents.Write(e).Json)).Append('\n');
                }
            }

            return text.ToString();
        }

        private static string Describe(Signal signal) =>
            FormattableString.Invariant($"{signal.Id} {signal.Organisation} {signal.Reporter} {signal.RegisteredAt} {signal.ExpiresOn} {signal.Expiry}");

        private CoordinationCase? TryGetCase(CaseId id)
        {
            try
            {
                return Desk.GetCase(id);
            }
            catch (NotFoundException)
            {
                return null;
            }
        }
    }

    /// <summary>Hears what the index tells its listeners once an operation is durable.</summary>
    private sealed class RecordingListener : IReferenceIndexObserver
    {
        public ConcurrentQueue<string> Heard { get; } = new();

        public void OnSignalRegistered(in SignalRegistered e) => Heard.Enqueue("registered");

        public void OnSignalRenewed(in SignalRenewed e) => Heard.Enqueue("renewed");

        public void OnSignalWithdrawn(in SignalWithdrawn e) => Heard.Enqueue("withdrawn");

        public void OnSignalExpired(in SignalExpired e) => Heard.Enqueue("expired");

        public void OnSignalArchived(in SignalArchived e) => Heard.Enqueue("archived");

        public void OnSignalRemoved(in SignalRemoved e) => Heard.Enqueue("removed");

        public void OnMatchFound(in MatchFound e) => Heard.Enqueue("match");

        public void OnFamilyChanged(in FamilyChanged e) => Heard.Enqueue("family");

        public void OnYouthMoved(in YouthMoved e) => Heard.Enqueue("moved");
    }

    /// <summary>Every measurement of the SDK's meter while it lives.</summary>
    private sealed class MetricsHeard : IDisposable
    {
        private readonly MeterListener _listener = new();

        public MetricsHeard()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == CareCoordinationTelemetry.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Heard.Enqueue(FormattableString.Invariant($"{instrument.Name} {value}")));
            _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => Heard.Enqueue(FormattableString.Invariant($"{instrument.Name} {value}")));
            _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => Heard.Enqueue(FormattableString.Invariant($"{instrument.Name} {value}")));
            _listener.Start();
        }

        public ConcurrentQueue<string> Heard { get; } = new();

        public void Dispose() => _listener.Dispose();
    }

    private sealed class StoreFailedOnPurposeException(string message) : InvalidOperationException(message);

    /// <summary>A store in memory that refuses, whole, the commit that holds the write at a chosen position.</summary>
    private sealed class FailingStore : ChangeSetStore
    {
        private readonly InMemoryCareCoordinationStore _inner;

        public FailingStore()
            : this(new InMemoryCareCoordinationStore())
        {
        }

        private FailingStore(InMemoryCareCoordinationStore inner)
            : base(inner) => _inner = inner;
        private int _writes;
        private int? _failAt;

        public int Commits { get; private set; }

        public ChangeSet? LastChangeSet { get; private set; }

        /// <summary>Counts writes from now on, and refuses the commit that holds the given one (1 is the next write).</summary>
        public void FailAtWrite(int position)
        {
            _writes = 0;
            _failAt = position;
        }

        public override void Commit(ChangeSet changes)
        {
            var from = _writes + 1;
            _writes += changes.Count;
            if (_failAt is { } position && position >= from && position <= _writes)
            {
                _failAt = null;
                throw new StoreFailedOnPurposeException(FormattableString.Invariant($"write {position} of this operation failed on purpose"));
            }

            _inner.Commit(changes);
            Commits++;
            LastChangeSet = changes;
        }

        /// <summary>Everything the store holds, in a canonical text.</summary>
        public string Dump()
        {
            var text = new StringBuilder();
            var sink = new DumpSink(text);
            _inner.Load(sink);
            text.AppendJoin('\n', _inner.Signals.Events.Select(e => e.ToString())).Append('\n');
            foreach (var kind in new[]
            {
                StreamDocuments.Case, StreamDocuments.Coordinator, StreamDocuments.Family, StreamDocuments.Plan, StreamDocuments.Consent, StreamDocuments.LegalBasis,
                StreamDocuments.InformationObligation, StreamDocuments.NotificationFeed, StreamDocuments.Logbook, StreamDocuments.MoveNotice, StreamDocuments.MatchFollowUp,
                StreamDocuments.SubjectRequest, StreamDocuments.SubstituteNumber, StreamDocuments.ServiceIdempotencyKeys,
            })
            {
                foreach (var stream in _inner.ReadStreams(kind))
                {
                    text.Append(kind).Append(' ').Append(stream.Id).Append('\n').AppendJoin('\n', stream.Events.Select(e => e.Json)).Append('\n');
                }
            }

            text.AppendJoin('\n', _inner.Audit.Records.Select(r => r.Hash));
            return text.ToString();
        }

        private sealed class DumpSink(StringBuilder text) : IStoredIndexSink
        {
            public void Add(in StoredSignal signal) => text.Append(signal.ToString()).Append('\n');

            public void Add(StoredFamily family) => text.Append(family.Id).Append(' ').AppendJoin(',', family.Youths.Select(y => y.Value)).Append(';').AppendJoin(',', family.Carers.Select(c => c.Value)).Append('\n');

            public void Add(StoredIdempotencyKey key) => text.Append(key.Key).Append(' ').Append(key.Json).Append('\n');
        }
    }
}
