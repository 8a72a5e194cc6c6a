using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Coordination.Desk;
using CareCoordination.Sdk.Facility;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Notifications;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Plans;
using CareCoordination.Sdk.Plans.Book;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Privacy.Consents;
using CareCoordination.Sdk.Privacy.Requests;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Signals.Events;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CareCoordination.Sdk.Tests.Serialization;

/// <summary>
/// Pins what the SDK writes to a store: one example of every stored event and document type, produced by the real
/// areas, must equal docs/stored-formats.md. A renamed property or a changed value then shows in review as a change of
/// that file instead of silently changing what is on disk. Run with CARECOORDINATION_UPDATE_DOCS=1 to regenerate it
/// after a deliberate change of format (and raise the schema version).
/// </summary>
public sealed class StoredFormatsTests
{
    private static readonly string[] SignalEventTypes = ["SignalRegistered", "SignalRenewed", "SignalWithdrawn", "SignalExpired", "SignalArchived", "SignalRemoved", "MatchFound"];

    // The types whose JSON names a youth or a carer; each must be written with pseudonyms under a pseudonymised keying.
    private static readonly string[] PersonTypes =
    [
        "idempotency RememberedAnswer", "stream CaseOpened", "stream ConsentGiven", "stream FamilyRecorded", "stream InformationObligation",
        "stream LegalBasisRecorded", "stream SubjectRequestRecorded",
    ];

    [Fact]
    public void Every_stored_event_and_document_type_is_written_exactly_as_docs_stored_formats_shows()
    {
        var written = WriteEveryFormat(pseudonymised: false).Written;

        var expected = StreamDocuments.KnownTypes.Select(t => "stream " + t)
            .Concat(SignalEventTypes.Select(t => "signal " + t))
            .Append("idempotency RememberedAnswer")
            .Append("idempotency RememberedAnswer tombstone");
        Assert.Empty(expected.Except(written.Keys.Select(k => k[..k.LastIndexOf(' ')])));

        PinnedText.AssertDocumentShows("stored-formats.md", "keyed by BSN", Text(written));
    }

    [Fact]
    public void Every_stored_type_that_holds_a_person_is_written_with_keyed_pseudonyms_exactly_as_docs_stored_formats_shows()
    {
        var (byBsn, story) = WriteEveryFormat(pseudonymised: false);
        var (keyed, _) = WriteEveryFormat(pseudonymised: true);

        // What the keying changes is what holds a person; the rest is pinned once, by the story keyed by BSN.
        var holdingPersons = new SortedDictionary<string, string>(keyed.Where(p => byBsn[p.Key] != p.Value).ToDictionary(), StringComparer.Ordinal);
        Assert.Equal(byBsn.Keys, keyed.Keys);
        Assert.Empty(PersonTypes.Except(holdingPersons.Keys.Select(k => k[..k.LastIndexOf(' ')])));
        foreach (var (key, json) in keyed)
        {
            Assert.All(story, person => Assert.False(json.Contains(person.RevealDigits(), StringComparison.Ordinal), $"{key} holds a BSN under a pseudonymised keying: {json}"));
        }

        PinnedText.AssertDocumentShows("stored-formats.md", "pseudonymised", Text(holdingPersons.Select(p => KeyValuePair.Create(p.Key, WithoutFreshNonces(p.Value)))));
    }

    [Fact]
    public void A_stream_event_of_schema_version_1_still_reads_its_persons_as_BSNs_under_a_pseudonymised_keying()
    {
        var keyed = StreamDocuments.For(YouthKeying.Pseudonymised(new YouthPseudonymiser(TestKeys.Bytes("youth"))));
        var youth = TestBsns.First;
        var byBsn = StreamDocuments.For(YouthKeying.ByBsn).Write(FamilyRecorded.Of(Family.Create(new FamilyId(3), [youth], [])), Instant.FromUtc(2026, 1, 1, 0, 0));
        var legacy = byBsn with { SchemaVersion = 1 };
        Assert.Contains(youth.RevealDigits(), legacy.Json, StringComparison.Ordinal);

        var family = Assert.IsType<FamilyRecorded>(keyed.ReadRecord(legacy));
        var written = keyed.Write(family, legacy.At);

        Assert.Equal(youth, Assert.Single(family.Youths));
        Assert.Equal(StreamDocuments.SchemaVersion, written.SchemaVersion);
        Assert.DoesNotContain(youth.RevealDigits(), written.Json, StringComparison.Ordinal);
        Assert.Equal(family.Youths, Assert.IsType<FamilyRecorded>(keyed.ReadRecord(written)).Youths);
    }

    /// <summary>A sealed text differs on every write by its fresh nonce; the page shows its length in place of its bytes.</summary>
    private static string WithoutFreshNonces(string json) =>
        Regex.Replace(json, @"""gcm:((?:[A-Za-z0-9/=]|\\u002B)+)""", m => FormattableString.Invariant($"\"gcm:<{Convert.FromBase64String(m.Groups[1].Value.Replace("\\u002B", "+", StringComparison.Ordinal)).Length} bytes in base 64: nonce, cipher text, tag>\""));

    private static string Text(IEnumerable<KeyValuePair<string, string>> written)
    {
        var text = new StringBuilder();
        foreach (var (key, json) in written.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append('\n').Append(json).Append("\n\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// Runs every change that writes a distinct type through the real areas and keeps the first JSON of each type, with
    /// the persons it named.
    /// </summary>
    private static (SortedDictionary<string, string> Written, IReadOnlyList<Bsn> Persons) WriteEveryFormat(bool pseudonymised)
    {
        var store = new RecordingStore();
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0));
        using var services = HostedSdk.Build(store, clock, pseudonymised);
        var keying = pseudonymised ? YouthKeying.Pseudonymised(new YouthPseudonymiser(TestKeys.Bytes("youth"))) : YouthKeying.ByBsn;
        var index = services.GetRequiredService<ReferenceIndex>();
        var desk = services.GetRequiredService<CoordinationDesk>();
        var plans = services.GetRequiredService<PlanBook>();
        var consents = services.GetRequiredService<ConsentRegister>();

        var sam = new Youth(TestBsns.First, new LocalDate(2017, 4, 12));
        var sara = new Youth(TestBsns.Second, new LocalDate(2012, 9, 3));
        var other = new Youth(TestBsns.Generate(1, seed: 5)[0], new LocalDate(2015, 1, 1));
        var family = Family.Create(new FamilyId(1), [sam.Bsn, sara.Bsn], [TestBsns.Generate(1, seed: 6)[0]]);
        index.AddOrReplaceFamily(family);
        desk.AddOrReplaceFamily(family);
        OrganisationId jgz = TestRegion.YouthHealthCare, amw = TestRegion.SocialWork, bjz = TestRegion.YouthProtection;
        var by = TestRegion.ReporterOf(amw);
        index.Register(new SignalRegistration(sam, jgz, TestRegion.ReporterOf(jgz), ReportingCriterion.SeriousUpbringingProblems).WithIdempotencyKey("first")).ThrowIfRefused();
        index.Register(new SignalRegistration(sara, amw, by, ReportingCriterion.FinancialProblems)).ThrowIfRefused();
        index.Register(new SignalRegistration(sam, jgz, TestRegion.ReporterOf(jgz), ReportingCriterion.SeriousUpbringingProblems)).ThrowIfRefused();
        index.Register(new SignalRegistration(other, bjz, TestRegion.ReporterOf(bjz), ReportingCriterion.ViolenceOrNeglect)).ThrowIfRefused();
        // Its key's answer becomes a tombstone when the unjustified signal is erased below.
        index.Register(new SignalRegistration(other, amw, by, ReportingCriterion.ViolenceOrNeglect).WithIdempotencyKey("erased")).ThrowIfRefused();
        index.Withdraw(other.Bsn, bjz, WithdrawalReason.RiskGone);
        index.Withdraw(other.Bsn, amw, WithdrawalReason.Unjustified);

        var moves = new MoveNotices(TestRegion.CreateDirectory(), new Dictionary<MunicipalityCode, OrganisationId> { [MunicipalityCode.FromNumber(363)] = TestRegion.YouthAndFamilyCentre }, store);
        moves.OnYouthMoved(new YouthMoved(sam.Bsn, family.Id, MunicipalityCode.FromNumber(344), MunicipalityCode.FromNumber(363), clock.GetCurrentInstant(), index.GetActiveSignals(sam.Bsn)));

        new SubstituteNumberRegister(store, keying, clock).Issue("Smit", new LocalDate(2016, 2, 29), Sex.Male);

        var caseId = desk.WhichCaseHandles(sam.Bsn)!.Case;
        desk.Intake(CaseIntake.ForYouths(IntakeRoute.CareNetwork, [sara.Bsn], TestRegion.School, "ZAT"));
        var small = desk.Intake(CaseIntake.ForYouths(IntakeRoute.YouthAndFamilyCentre, [other.Bsn], TestRegion.YouthAndFamilyCentre)).Case;
        desk.NameCaseHolder(small, TestRegion.ReporterOf(TestRegion.YouthAndFamilyCentre), TestRegion.YouthAndFamilyCentre);
        desk.Close(small, CaseOutcome.GoalsReached);

        desk.Assess(caseId, new CaseAssessment(ProblemDomains.Parenting | ProblemDomains.Debt, ProblemDomains.Debt, safetyThreatened: false));
        desk.AssignCoordinator(caseId);
        desk.AddCoordinator(new CareCoordinator(new CoordinatorId(1), by, amw, TrainingLevel.Specialist, weeklyHours: 8));
        desk.AssignCoordinator(caseId).ThrowIfRefused();
        desk.RecordCoordinationHours(caseId, amw, 1.5m);
        desk.ReleaseCoordinator(caseId, "on leave");
        desk.RemoveCoordinator(new CoordinatorId(1), "left the organisation");
        desk.AddCoordinator(new CareCoordinator(new CoordinatorId(2), TestRegion.ReporterOf(jgz), jgz, TrainingLevel.Specialist, weeklyHours: 8));
        desk.AssignCoordinator(caseId).ThrowIfRefused();

        var today = plans.Today;
        var plan = plans.Draft(caseId, by, amw);
        plan = plans.Change(caseId, plan.Version, (p, at) => p
            .SetGoal("The parents have an overview of their debts", by, at)
            .AgreeAction(1, ActionKind.Help, "Debt counselling intake", amw, by, today.PlusDays(14), by, at)
            .AgreeAction(1, ActionKind.Feedback, "Report back to the school", jgz, TestRegion.ReporterOf(jgz), today.PlusDays(21), by, at)
            .RecordAgreement("JGZ and AMW visit together once a month", [jgz, amw], by, at)
            .RecordFamilyAgreement(FamilyMember.Parents, by, at)
            .CompleteAction(1, by, at)
            .PutOnWaitingList(2, "waiting list at JGZ", by, at)
            .Unblock(2, today.PlusDays(28), by, at)
            .RecordRefusal(FamilyMember.Parents, "no visits this month", by, at)
            .RecordCooperationResumed(FamilyMember.Parents, by, at)
            .RecordChangedCircumstances("the family moved", severeThreat: false, by, at)
            .Review(new Dictionary<int, string> { [1] = "half of the debts in view" }, [], by, at));
        for (var day = 30; plans.Find(caseId)!.Escalation != EscalationLevel.Municipality; day += 15)
        {
            Assert.True(day < 365, "the plan never reached the municipality");
            plans.AdvanceEscalations(by, today.PlusDays(day));
        }

        plan = plans.Find(caseId)!;
        plans.Change(caseId, plan.Version, (p, at) => p.OrderEnforcement(new EnforcementOrder(jgz, "Start within one week", today.PlusDays(400), new ProfessionalId(9001)), new ProfessionalId(9001), at));

        desk.Assess(caseId, new CaseAssessment(ProblemDomains.Parenting | ProblemDomains.Safety, ProblemDomains.Safety, true, YouthProtectionMeasure.SupervisionOrder));
        desk.HandOverToYouthProtection(caseId, new Handover(bjz, YouthProtectionMeasure.SupervisionOrder, "OTS for one year", [jgz, amw], Duration.FromDays(42)));
        desk.RecordFeedback(caseId, jgz);
        desk.ReturnFromYouthProtection(caseId, "the measure ended");

        var consent = consents.Give(sam, ConsentPurpose.Coordination, [amw], ConsentGiver.Parents);
        consents.Withdraw(consent.Id);
        consents.RecordLegalBasis(sara.Bsn, LegalBasis.SeriouslyThreateningSituation, "acute danger at home", TestRegion.ReporterOf(bjz), bjz, [jgz], Duration.FromDays(30));
        consents.Erase(sam.Bsn, "erasure request");

        var access = services.GetRequiredService<PersonDataAccess>();
        var parents = new VerifiedRequester(ConsentGiver.Parents, IdentityVerification.DigiD, "session 1");
        var request = access.LodgeRequest(new Actor("digid-1", ActorRole.DataSubject, null, null, "Municipal portal"), sam, parents, index.GetActiveSignals(sam.Bsn)[0].Id, SubjectRequestKind.Objection, "We were not told about the signal.");
        access.DecideRequest(new Actor("jgz-1", ActorRole.Reporter, jgz, TestRegion.ReporterOf(jgz), "Vendor client"), request.Id, upheld: false, "The concern still stands.");

        clock.Advance(Duration.FromDays(800));
        index.ExpireDue();
        return (store.Written, [sam.Bsn, sara.Bsn, other.Bsn, .. family.Carers]);
    }

    /// <summary>A store in memory that keeps the first JSON of every type it is asked to write.</summary>
    private sealed class RecordingStore : ISignalStore, IEventStreamStore
    {
        private readonly InMemorySignalStore _signals = new();
        private readonly InMemoryEventStreamStore _streams = new();

        public SortedDictionary<string, string> Written { get; } = new(StringComparer.Ordinal);

        public void Load(IStoredIndexSink sink) => _signals.Load(sink);

        public void Commit(SignalCommit commit)
        {
            foreach (var e in commit.Events)
            {
                Keep("signal", e.Type, e.SchemaVersion, e.Json);
            }

            foreach (var key in commit.IdempotencyKeys)
            {
                // A tombstone is linked to no signal: the one it answered with was erased.
                Keep("idempotency", key.Signals.Count == 0 ? "RememberedAnswer tombstone" : "RememberedAnswer", key.SchemaVersion, key.Json);
            }

            _signals.Commit(commit);
        }

        public void SaveFamily(StoredFamily family) => _signals.SaveFamily(family);

        public void RemoveFamily(FamilyId family) => _signals.RemoveFamily(family);

        public string? ReadYouthKeying() => _signals.ReadYouthKeying();

        public void WriteYouthKeying(string keying) => _signals.WriteYouthKeying(keying);

        public IReadOnlyList<StoredHistory> ReadStreams(string kind) => _streams.ReadStreams(kind);

        public void Append(string kind, string stream, int expectedVersion, IReadOnlyList<StreamEvent> events)
        {
            foreach (var e in events)
            {
                Keep("stream", e.Type, e.SchemaVersion, e.Json);
            }

            _streams.Append(kind, stream, expectedVersion, events);
        }

        public void EraseStream(string kind, string stream, StreamEvent tombstone)
        {
            Keep("stream", tombstone.Type, tombstone.SchemaVersion, tombstone.Json);
            _streams.EraseStream(kind, stream, tombstone);
        }

        private void Keep(string area, string type, int version, string json) =>
            Written.TryAdd(FormattableString.Invariant($"{area} {type} v{version}"), json);
    }
}
