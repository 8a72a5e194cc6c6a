using System;
using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Coordination.Desk;
using CareCoordination.Sdk.Facility;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.FollowUp.Book;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Notifications;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Plans;
using CareCoordination.Sdk.Plans.Book;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Privacy.Audit;
using CareCoordination.Sdk.Privacy.Consents;
using CareCoordination.Sdk.Privacy.Requests;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CareCoordination.Sdk.Tests.Storage;

/// <summary>
/// The QuickStart story run through <c>AddCareCoordination</c> on a real store, pseudonymised or not: signals and matches, the
/// family's case from two routes, tier, coordinator, the family plan up the escalation ladder, consent and a legal basis,
/// the information obligation, reads through the access rules, subject access, the audit trail and the handover to youth
/// protection. Every area writes to the one store, so a byte scan of its files afterwards covers all of them.
/// </summary>
public static class WholeStory
{
    private static readonly OrganisationId Jgz = TestRegion.YouthHealthCare;
    private static readonly OrganisationId Amw = TestRegion.SocialWork;
    private static readonly OrganisationId YouthProtection = TestRegion.YouthProtection;

    /// <summary>Runs the story on a store and closes everything but the store.</summary>
    /// <param name="store">The store; it keeps the signals, the streams and the audit trail.</param>
    /// <param name="seed">Chooses the family's BSNs, so that runs sharing a server use their own numbers.</param>
    /// <param name="pseudonymised">Whether the host registers a <see cref="YouthPseudonymiser"/>; without one, the store holds BSNs, which proves that a scan finds them.</param>
    /// <param name="checkpointPath">Where the audit trail's signed checkpoints go, as QuickStart puts them beside its database; <see langword="null"/> for nowhere.</param>
    /// <param name="pseudonymiser">The key to write with, when not the test's fixed one.</param>
    /// <returns>Every number the story used: two youths, their two parents, a youth at their address, and the substitute number of a youth without a BSN.</returns>
    public static IReadOnlyList<Bsn> Run(ISignalStore store, int seed, bool pseudonymised, string? checkpointPath = null, YouthPseudonymiser? pseudonymiser = null)
    {
        var people = TestBsns.Generate(5, seed);
        var sam = new Youth(people[0], new LocalDate(2017, 4, 12));
        var sara = new Youth(people[1], new LocalDate(2012, 9, 3));
        var parents = new[] { people[2], people[3] };
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0));
        using var services = HostedSdk.Build(store, clock, pseudonymised, pseudonymiser: pseudonymiser, checkpoints: checkpointPath is null ? null : new FileAuditCheckpointSink(checkpointPath));
        var index = services.GetRequiredService<ReferenceIndex>();
        var desk = services.GetRequiredService<CoordinationDesk>();
        var plans = services.GetRequiredService<PlanBook>();
        var consents = services.GetRequiredService<ConsentRegister>();
        var access = services.GetRequiredService<PersonDataAccess>();
        Assert.Equal(pseudonymised, index.IsPseudonymised);

        var family = Family.Create(new FamilyId(seed), [sam.Bsn, sara.Bsn], parents, AddressKey.Create("4001 AB", 12));
        index.AddOrReplaceFamily(family);
        desk.AddOrReplaceFamily(family);
        foreach (var (youth, organisation) in new[] { (sam, Jgz), (sara, Amw), (sam, YouthProtection) })
        {
            index.Register(new SignalRegistration(youth, organisation, TestRegion.ReporterOf(organisation), ReportingCriterion.SeriousUpbringingProblems)
                .WithIdempotencyKey(FormattableString.Invariant($"story-{seed}-{organisation.Value}-{youth.DateOfBirth.Year}"))).ThrowIfRefused();
        }

        // QuickStart's second scene: a youth at the same address (an address match), its follow-up, and a move.
        var noah = new Youth(people[4], new LocalDate(2015, 2, 20));
        var household = new FamilyId(seed + 1000);
        index.AddOrReplaceFamily(Family.Create(household, [noah.Bsn], [], family.Address, MunicipalityCode.FromNumber(281)));
        var atTheAddress = index.Register(new SignalRegistration(noah, Amw, TestRegion.ReporterOf(Amw), ReportingCriterion.FinancialProblems));
        atTheAddress.ThrowIfRefused();
        var addressMatch = atTheAddress.Matches[0];
        Assert.Equal(MatchKind.Address, addressMatch.Kind);
        var followUps = services.GetRequiredService<MatchFollowUpBook>();
        var followUp = followUps.Find(addressMatch.Signal, addressMatch.OtherSignal) ?? throw new InvalidOperationException("the address match is not followed up");
        followUps.RecordCentralContact(addressMatch.Signal, addressMatch.OtherSignal, followUp.MatchCoordinator, addressMatch.OtherReporter);
        followUps.RecordAligned(addressMatch.Signal, addressMatch.OtherSignal, followUp.MatchCoordinator, aligned: true);
        index.AddOrReplaceFamily(Family.Create(household, [noah.Bsn], [], AddressKey.Create("4101 AB", 3), MunicipalityCode.FromNumber(216)));
        Assert.NotEmpty(services.GetRequiredService<MoveNotices>().Read(Amw));

        var handled = desk.WhichCaseHandles(sam.Bsn) ?? throw new InvalidOperationException("the family match opened no case");
        var caseId = handled.Case;
        desk.Intake(CaseIntake.ForYouths(IntakeRoute.CareNetwork, [sara.Bsn], TestRegion.School, "ZAT"));
        desk.AddCoordinator(new CareCoordinator(new CoordinatorId(1), TestRegion.ReporterOf(Amw), Amw, TrainingLevel.Specialist, weeklyHours: 8));
        desk.Assess(caseId, new CaseAssessment(ProblemDomains.Parenting | ProblemDomains.Debt, ProblemDomains.Debt, safetyThreatened: false));
        desk.AssignCoordinator(caseId).ThrowIfRefused();

        var bram = TestRegion.ReporterOf(Amw);
        var today = plans.Today;
        var plan = plans.Draft(caseId, bram, Amw);
        plan = plans.Change(caseId, plan.Version, (p, at) => p
            .SetGoal("The parents have an overview of their debts", bram, at)
            .AgreeAction(1, ActionKind.Help, "Debt counselling intake", Amw, bram, today.PlusDays(14), bram, at)
            .AgreeAction(1, ActionKind.Help, "Parenting support at home", Jgz, TestRegion.ReporterOf(Jgz), today.PlusDays(21), bram, at)
            .RecordFamilyAgreement(FamilyMember.Parents, bram, at));
        plans.Change(caseId, plan.Version, (p, at) => p.CompleteAction(1, bram, at));
        foreach (var day in new[] { 30, 45, 60 })
        {
            plans.AdvanceEscalations(bram, today.PlusDays(day));
        }

        consents.Give(sam, ConsentPurpose.Coordination, [Amw], ConsentGiver.Parents);
        consents.RecordLegalBasis(sara.Bsn, LegalBasis.SeriouslyThreateningSituation, "acute danger at home", TestRegion.ReporterOf(YouthProtection), YouthProtection, [Jgz], Duration.FromDays(30));

        var coordinator = new Actor("amw-coordinator", ActorRole.Coordinator, Amw, bram, "story");
        Assert.NotEmpty(access.GetSignals(coordinator, sam.Bsn));
        Assert.NotNull(access.GetPlan(coordinator, caseId));
        Assert.Contains("activeSignals", access.SubjectAccess(new Actor("parent", ActorRole.DataSubject, null, null, "portal"), sam, new VerifiedRequester(ConsentGiver.Parents, IdentityVerification.DigiD, "portal session")), StringComparison.Ordinal);
        Assert.True(access.GetAuditTrail(new Actor("privacy-officer", ActorRole.Auditor, Amw, null, "story")).Verification.IsIntact);

        desk.Assess(caseId, new CaseAssessment(ProblemDomains.Parenting | ProblemDomains.Safety, ProblemDomains.Safety, true, YouthProtectionMeasure.SupervisionOrder));
        desk.HandOverToYouthProtection(caseId, new Handover(YouthProtection, YouthProtectionMeasure.SupervisionOrder, "OTS for one year", [Jgz, Amw], Duration.FromDays(42)));
        desk.RecordFeedback(caseId, Jgz);

        // Sam's parents object to the school's signal and the school upholds it: the decision and the removal are one change set.
        index.Register(new SignalRegistration(sam, TestRegion.School, TestRegion.ReporterOf(TestRegion.School), ReportingCriterion.SchoolAbsenceOrDropout)).ThrowIfRefused();
        var schoolSignal = index.GetActiveSignals(sam.Bsn).Single(s => s.Organisation == TestRegion.School).Id;
        var objection = access.LodgeRequest(new Actor("parent", ActorRole.DataSubject, null, null, "portal"), sam, new VerifiedRequester(ConsentGiver.Parents, IdentityVerification.DigiD, "portal session"), schoolSignal, SubjectRequestKind.Objection, "We were never told why the school signalled.");
        access.DecideRequest(new Actor("school-reporter", ActorRole.Reporter, TestRegion.School, TestRegion.ReporterOf(TestRegion.School), "story"), objection.Id, upheld: true, "The school withdraws its concern.");

        // A youth the BSN facility cannot identify is signalled under a substitute number, issued in the registration's change set.
        var substitutes = services.GetRequiredService<SubstituteNumberRegister>();
        var unidentified = new FacilitatedSignalDesk(index, new FakeBsnFacility(), substitutes)
            .SubmitAsync(new FacilitatedSignal(new IdentifyingDetails("Yilmaz", new LocalDate(2019, 1, 1).PlusDays(seed % 300), Sex.Female), Jgz, TestRegion.ReporterOf(Jgz), ReportingCriterion.SeriousUpbringingProblems))
            .AsTask().GetAwaiter().GetResult();
        Assert.False(unidentified.IsRefused || unidentified.IsIdentified);
        var substitute = Assert.Single(substitutes.Issued).Number.AsIndexKey();

        // The newest signal is erased, so that the store keeps a high-water mark above every signal it still holds.
        index.Register(new SignalRegistration(sara, TestRegion.School, TestRegion.ReporterOf(TestRegion.School), ReportingCriterion.SeriousUpbringingProblems)).ThrowIfRefused();
        index.Withdraw(sara.Bsn, TestRegion.School, WithdrawalReason.Unjustified);

        // The service's durable idempotency keys (ASP.NET Core's IdempotentWrites) live in the same store.
        if (store is IEventStreamStore streams)
        {
            streams.Append(StreamDocuments.ServiceIdempotencyKeys, "3", 0, [new StreamEvent("KeyClaimed", 1, clock.GetCurrentInstant(), FormattableString.Invariant($$"""{"key":"{{Amw.Value}}:{{seed:x8}}","fingerprint":"c3RvcnkK"}"""))]);
        }

        return [.. people, substitute];
    }

    /// <summary>Gets the checkpoints the story's audit trail published on a store it ran on without a checkpoint file, for opening a migrated copy of it.</summary>
    /// <param name="store">The store the story ran on.</param>
    /// <returns>The sink.</returns>
    public static IAuditCheckpointSink CheckpointsOf(ISignalStore store) => HostedSdk.CheckpointsOf(store);

    /// <summary>Opens the store again with the same keying and checks that every area came back with the story's persons.</summary>
    /// <param name="store">The store the story ran on.</param>
    /// <param name="people">What <see cref="Run"/> returned.</param>
    /// <param name="pseudonymised">Whether the story ran pseudonymised.</param>
    /// <param name="pseudonymiser">The key the store was written with, when not the test's fixed one.</param>
    /// <param name="checkpoints">The checkpoints the story's audit trail published, when the store is opened through another object than the one the story ran on (a restart, or a migrated copy).</param>
    public static void AssertRebuilds(ISignalStore store, IReadOnlyList<Bsn> people, bool pseudonymised, YouthPseudonymiser? pseudonymiser = null, IAuditCheckpointSink? checkpoints = null)
    {
        using var services = HostedSdk.Build(store, new FakeClock(Instant.FromUtc(2026, 11, 24, 9, 0)), pseudonymised, pseudonymiser: pseudonymiser, checkpoints: checkpoints);
        var index = services.GetRequiredService<ReferenceIndex>();
        var desk = services.GetRequiredService<CoordinationDesk>();
        var access = services.GetRequiredService<PersonDataAccess>();
        Assert.Equal(5, index.ActiveSignalCount);
        Assert.Single(index.GetActiveSignals(people[5]));
        var handled = desk.WhichCaseHandles(people[0]) ?? throw new InvalidOperationException("the case did not come back");
        Assert.Equal(handled.Case, desk.WhichCaseHandles(people[1])?.Case);
        Assert.Equal(CaseStatus.HandedOver, handled.Status);
        var auditor = new Actor("privacy-officer", ActorRole.Auditor, Amw, null, "story");
        Assert.True(access.GetAuditTrail(auditor).Verification.IsIntact);
        var document = access.SubjectAccess(new Actor("parent", ActorRole.DataSubject, null, null, "portal"), new Youth(people[0], new LocalDate(2017, 4, 12)), new VerifiedRequester(ConsentGiver.Parents, IdentityVerification.DigiD, "portal session"));
        Assert.Contains("\"consents\"", document, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"Upheld\"", document, StringComparison.Ordinal);
    }
}
