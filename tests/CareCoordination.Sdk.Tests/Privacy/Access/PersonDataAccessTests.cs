using System;
using System.Linq;
using System.Text.Json;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Signals;
using NodaTime;
using Xunit;
using static CareCoordination.Sdk.Tests.Privacy.PrivacyScenario;

namespace CareCoordination.Sdk.Tests.Privacy.Access;

public sealed class PersonDataAccessTests
{
    [Fact]
    public void A_reporting_organisation_sees_its_own_signals_and_not_those_of_others()
    {
        var scenario = new PrivacyScenario();
        scenario.Coordinated();

        var signals = scenario.Access.GetSignals(ReporterOf(SocialWork), Sam.Bsn);

        Assert.Equal([SocialWork], signals.Select(s => s.Organisation));
        var record = scenario.Audit.Export()[^1];
        Assert.Equal((AuditAction.Read, DataCategory.Signals, AccessBasis.OwnRegistration, ActorRole.Reporter), (record.Action, record.Data, record.Basis!.Value, record.Role));
        Assert.Equal(scenario.Audit.Pseudonymiser.Of(Sam.Bsn), record.Subject);
    }

    [Fact]
    public void An_organisation_without_a_signal_is_refused_naming_the_rule_and_the_refusal_is_audited_for_review()
    {
        var scenario = new PrivacyScenario();
        scenario.Coordinated();

        var error = Assert.Throws<AccessDeniedException>(() => scenario.Access.GetSignals(ReporterOf(School), Sam.Bsn));

        Assert.Equal("Access refused by R1 own signals: a reporting organisation sees its own signals, and org-4 has none on this youth.", error.Message);
        var record = Assert.Single(scenario.Audit.FlaggedForReview(PrivacyScenario.Auditor));
        Assert.Equal((AuditAction.Refused, (AccessBasis?)null), (record.Action, record.Basis));
    }

    [Fact]
    public void Only_an_organisation_that_signalled_a_youth_by_substitute_number_moves_it_to_its_BSN_and_both_numbers_are_audited()
    {
        var scenario = new PrivacyScenario();
        var born = IndexScenario.Today.PlusYears(-3);
        var substitute = SubstituteNumber.Derive("Yilmaz", born, Sex.Female);
        scenario.Index.Register(SocialWork, Youth.WithoutBsn(substitute, born));

        Assert.Throws<AccessDeniedException>(() => scenario.Access.AssignBsn(ReporterOf(School), substitute, TestBsns.Second));
        Assert.Single(scenario.Index.Index.GetActiveSignals(substitute.AsIndexKey()));
        scenario.Access.AssignBsn(ReporterOf(SocialWork), substitute, TestBsns.Second);

        Assert.Empty(scenario.Index.Index.GetActiveSignals(substitute.AsIndexKey()));
        Assert.Single(scenario.Index.Index.GetActiveSignals(TestBsns.Second));
        var trail = scenario.Audit.Export();
        var moved = trail.Skip(trail.Count - 2).ToList();
        Assert.All(moved, r => Assert.Equal((AuditAction.Update, DataCategory.Signals), (r.Action, r.Data)));
        Assert.Equal(
            [scenario.Audit.Pseudonymiser.Of(substitute.AsIndexKey()), scenario.Audit.Pseudonymiser.Of(TestBsns.Second)],
            moved.Select(r => r.Subject));
    }

    [Fact]
    public void A_professional_working_in_Dutch_reads_the_refusal_in_Dutch_with_the_rule_it_names()
    {
        var scenario = new PrivacyScenario();
        scenario.Coordinated();

        var error = UiCulture.In("nl-NL", () => Assert.Throws<AccessDeniedException>(() => scenario.Access.GetSignals(ReporterOf(School), Sam.Bsn)));

        Assert.Equal("Toegang geweigerd door R1 eigen signalen: een meldende organisatie ziet alleen haar eigen signalen, en org-4 heeft geen signaal over deze jeugdige.", error.Message);
        Assert.Equal(("R1 own signals", "R1 eigen signalen"), (error.Rule, error.RuleTitle));
    }

    [Fact]
    public void Matched_organisations_see_each_others_contact_details_and_nothing_more()
    {
        var scenario = new PrivacyScenario();
        scenario.Coordinated();

        var parties = scenario.Access.GetMatchContacts(MatchedOf(YouthHealthCare), Sam.Bsn, scenario.Notifier);

        var party = Assert.Single(parties);
        Assert.Equal(SocialWork, party.Organisation);
        Assert.Throws<AccessDeniedException>(() => scenario.Access.GetSignals(MatchedOf(YouthHealthCare), Sam.Bsn));
        Assert.Throws<AccessDeniedException>(() => scenario.Access.GetMatchContacts(MatchedOf(School), Sam.Bsn, scenario.Notifier));
    }

    [Fact]
    public void The_coordinator_sees_the_case_and_the_plan_and_another_professional_does_not()
    {
        var scenario = new PrivacyScenario();
        var id = scenario.Coordinated();
        scenario.Plans.Draft(id, CoordinatorProfessional, SocialWork);

        Assert.Equal(id, scenario.Access.GetCase(Coordinator, id).Id);
        Assert.NotNull(scenario.Access.GetPlan(Coordinator, id));
        var stranger = new Actor("someone", ActorRole.Coordinator, SocialWork, new Sdk.Organisations.ProfessionalId(299), "Vendor client");
        var error = Assert.Throws<AccessDeniedException>(() => scenario.Access.GetCase(stranger, id));
        Assert.Equal("R3 case and plan", error.Rule);
    }

    [Fact]
    public void A_case_holder_passes_R3_only_with_the_organisation_they_were_named_with()
    {
        var scenario = new PrivacyScenario();
        var id = scenario.Coordinated();
        var holder = TestRegion.ReporterOf(YouthHealthCare);
        scenario.Desk.Desk.NameCaseHolder(id, holder, YouthHealthCare);

        Assert.Equal(id, scenario.Access.GetCase(new Actor("jgz-user", ActorRole.Coordinator, YouthHealthCare, holder, "Vendor client"), id).Id);
        var borrowed = new Actor("other-user", ActorRole.Coordinator, School, holder, "Vendor client");
        var error = Assert.Throws<AccessDeniedException>(() => scenario.Access.GetCase(borrowed, id));
        Assert.Equal("R3 case and plan", error.Rule);
    }

    [Fact]
    public void The_coordinator_sees_the_other_organisations_signals_only_while_consent_reaches_and_withdrawal_stops_it_at_once()
    {
        var scenario = new PrivacyScenario();
        var id = scenario.Coordinated();
        var refused = Assert.Throws<AccessDeniedException>(() => scenario.Access.GetSignals(Coordinator, Sam.Bsn));
        Assert.Equal("Access refused by R4 shared details: no consent for coordination reaches org-2 and no legal basis is recorded.", refused.Message);

        var consent = scenario.Access.GiveConsent(Coordinator, id, Sam, ConsentPurpose.Coordination, [SocialWork], ConsentGiver.Parents | ConsentGiver.Youth);
        Assert.Equal(2, scenario.Access.GetSignals(Coordinator, Sam.Bsn).Count);
        Assert.Equal(consent.Reference, scenario.Audit.Export()[^1].BasisReference);

        scenario.Clock.Advance(Duration.FromMinutes(1));
        scenario.Access.WithdrawConsent(Coordinator, id, consent.Id);
        Assert.Throws<AccessDeniedException>(() => scenario.Access.GetSignals(Coordinator, Sam.Bsn));
    }

    [Fact]
    public void Without_consent_a_recorded_legal_basis_allows_sharing_and_flags_the_access_for_review()
    {
        var scenario = new PrivacyScenario();
        var id = scenario.Coordinated();
        var legal = scenario.Access.RecordLegalBasis(Coordinator, id, Sam.Bsn, LegalBasis.SeriouslyThreateningSituation, "Police report of violence at home; asking the parents would endanger Sam.", [SocialWork], Duration.FromDays(14));

        var signals = scenario.Access.GetSignals(Coordinator, Sam.Bsn);

        Assert.Equal(2, signals.Count);
        var flagged = scenario.Audit.FlaggedForReview(PrivacyScenario.Auditor);
        Assert.Equal((CoordinatorProfessional, SocialWork), (legal.DecidedBy, legal.Organisation));
        Assert.Contains(flagged, r => r.Action == AuditAction.Create && r.Data == DataCategory.Consent && r.Basis == AccessBasis.LegalBasis);
        var record = Assert.Single(flagged, r => r.Data == DataCategory.Signals);
        Assert.Equal((AccessBasis.LegalBasis, legal.Reference), (record.Basis!.Value, record.BasisReference));
        scenario.Clock.Advance(Duration.FromDays(15));
        Assert.Throws<AccessDeniedException>(() => scenario.Access.GetSignals(Coordinator, Sam.Bsn));
    }

    [Fact]
    public void Only_the_cases_coordinator_records_or_withdraws_a_consent_and_every_change_and_refusal_is_in_the_audit_trail()
    {
        var scenario = new PrivacyScenario();
        var id = scenario.Coordinated();
        var stranger = new Actor("someone", ActorRole.Coordinator, SocialWork, new Sdk.Organisations.ProfessionalId(299), "Vendor client");

        var refused = Assert.Throws<AccessDeniedException>(() => scenario.Access.GiveConsent(stranger, id, Sam, ConsentPurpose.Coordination, [SocialWork], ConsentGiver.Parents | ConsentGiver.Youth));
        Assert.Equal("R3 case and plan", refused.Rule);
        Assert.Empty(scenario.Consents.About(Sam.Bsn).Consents);
        var consent = scenario.Access.GiveConsent(Coordinator, id, Sam, ConsentPurpose.Coordination, [SocialWork], ConsentGiver.Parents | ConsentGiver.Youth);
        Assert.Throws<AccessDeniedException>(() => scenario.Access.WithdrawConsent(stranger, id, consent.Id));
        Assert.Null(scenario.Consents.About(Sam.Bsn).Consents.Single().WithdrawnAt);

        var samsRecords = scenario.Audit.About(Sam.Bsn).Where(r => r.Data == DataCategory.Consent).Select(r => (r.UserId, r.Action)).ToList();
        Assert.Equal([("someone", AuditAction.Refused), ("coordinator-1", AuditAction.Create), ("someone", AuditAction.Refused)], samsRecords);
    }

    [Fact]
    public void A_consent_for_a_youth_the_case_does_not_concern_is_refused_and_changes_nothing()
    {
        var scenario = new PrivacyScenario();
        var id = scenario.Coordinated();
        var before = scenario.Audit.Count;

        Assert.Throws<ArgumentException>(() => scenario.Access.GiveConsent(Coordinator, id, new Youth(TestBsns.Generate(1, seed: 77)[0], Sam.DateOfBirth), ConsentPurpose.Coordination, [SocialWork], ConsentGiver.Parents | ConsentGiver.Youth));

        Assert.Equal(before, scenario.Audit.Count);
        Assert.Empty(scenario.Consents.About(Sam.Bsn).Consents);
    }

    [Fact]
    public void Only_the_signalling_organisation_records_that_it_informed_the_family_and_both_the_change_and_a_refusal_are_audited()
    {
        var scenario = new PrivacyScenario();
        scenario.Coordinated();
        var signals = scenario.Index.Index.GetActiveSignals(Sam.Bsn);
        var own = signals[0];
        var otherSignaller = ReporterOf(signals[1].Organisation);

        var refused = Assert.Throws<AccessDeniedException>(() => scenario.Access.RecordInformed(otherSignaller, own.Id, ConsentGiver.Parents));
        Assert.Equal("R1 own signals", refused.Rule);
        Assert.Throws<AccessDeniedException>(() => scenario.Access.RecordPostponed(otherSignaller, own.Id, "not yet"));
        Assert.False(scenario.Obligations.Find(own.Id)!.Informed.HasFlag(ConsentGiver.Parents));
        Assert.Null(scenario.Obligations.Find(own.Id)!.PostponedBecause);

        var informed = scenario.Access.RecordInformed(ReporterOf(own.Organisation), own.Id, ConsentGiver.Parents);

        Assert.True(informed.Informed.HasFlag(ConsentGiver.Parents));
        var records = scenario.Audit.About(Sam.Bsn).Where(r => r.Data == DataCategory.InformationObligation).Select(r => r.Action).ToList();
        Assert.Equal([AuditAction.Refused, AuditAction.Refused, AuditAction.Update], records);
    }

    [Fact]
    public void The_coordination_director_sees_aggregates_and_no_persons_data()
    {
        var scenario = new PrivacyScenario();
        scenario.Coordinated();

        var (coordination, plans) = scenario.Access.GetOverview(Director);

        Assert.Equal(1, coordination.OpenCasesPerTier[CoordinationTier.General]);
        Assert.Equal(0, plans.Plans);
        var error = Assert.Throws<AccessDeniedException>(() => scenario.Access.GetSignals(Director, Sam.Bsn));
        Assert.Equal("Access refused by no rule: no rule lets a CoordinationDirector see Signals; the coordination director sees aggregates without BSN.", error.Message);
    }

    [Fact]
    public void An_auditor_reads_the_verified_trail_and_nothing_else()
    {
        var scenario = new PrivacyScenario();
        var id = scenario.Coordinated();
        scenario.Access.GetSignals(ReporterOf(SocialWork), Sam.Bsn);

        var (records, verification) = scenario.Access.GetAuditTrail(Auditor);

        Assert.Single(records);
        Assert.True(verification.IsIntact);
        Assert.Throws<AccessDeniedException>(() => scenario.Access.GetCase(Auditor, id));
        Assert.Equal(3, scenario.Audit.Count);
    }

    [Fact]
    public void Every_successful_access_leaves_exactly_one_audit_record()
    {
        var scenario = new PrivacyScenario();
        var id = scenario.Coordinated();
        Action[] reads =
        [
            () => scenario.Access.GetSignals(ReporterOf(SocialWork), Sam.Bsn),
            () => scenario.Access.GetMatchContacts(MatchedOf(SocialWork), Sam.Bsn, scenario.Notifier),
            () => scenario.Access.GetCase(Coordinator, id),
            () => scenario.Access.GetOverview(Director),
            () => scenario.Access.GetAuditTrail(Auditor),
            () => scenario.Access.GetInformationObligations(ReporterOf(YouthHealthCare), Sam.Bsn),
        ];

        foreach (var read in reads)
        {
            var before = scenario.Audit.Count;
            read();
            Assert.Equal(before + 1, scenario.Audit.Count);
        }

        Assert.True(scenario.Audit.Verify().IsIntact);
    }

    [Fact]
    public void Subject_access_gives_the_youth_everything_registered_and_who_looked_as_JSON_without_the_full_BSN()
    {
        var scenario = new PrivacyScenario();
        scenario.Coordinated();
        scenario.Consents.Give(Sam, ConsentPurpose.Coordination, [SocialWork], ConsentGiver.Parents | ConsentGiver.Youth);
        scenario.Access.GetSignals(ReporterOf(SocialWork), Sam.Bsn);

        var json = scenario.Access.SubjectAccess(Family, Sam, new VerifiedRequester(ConsentGiver.Youth | ConsentGiver.Parents, IdentityVerification.DigiD, "session 1"));

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(2, root.GetProperty("activeSignals").GetArrayLength());
        Assert.Equal(2, root.GetProperty("matches").GetArrayLength());
        Assert.Equal("Coordinated", root.GetProperty("cases")[0].GetProperty("status").GetString());
        Assert.Equal("consent-1", root.GetProperty("consents")[0].GetProperty("reference").GetString());
        Assert.Equal("Reporter", root.GetProperty("accessLog")[0].GetProperty("role").GetString());
        Assert.Equal(2, root.GetProperty("informationObligations").GetArrayLength());
        Assert.DoesNotContain(Sam.Bsn.RevealDigits(), json, StringComparison.Ordinal);
        Assert.Equal(AuditAction.Export, scenario.Audit.Export()[^1].Action);
    }

    [Fact]
    public void Parents_of_a_youth_of_sixteen_or_older_cannot_ask_for_access_in_the_youths_place()
    {
        var scenario = new PrivacyScenario();
        var older = IndexScenario.YouthAged(TestBsns.Second, 17);

        var error = Assert.Throws<AccessDeniedException>(() => scenario.Access.SubjectAccess(Family, older, new VerifiedRequester(ConsentGiver.Parents, IdentityVerification.IdentityDocumentInPerson, "desk 7")));

        Assert.Equal("Access refused by R7 subject access: for a youth of this age the request is made by the youth alone, not by the parents.", error.Message);
    }

    [Theory]
    [InlineData(13, ConsentGiver.Youth)]
    [InlineData(13, ConsentGiver.Parents)]
    [InlineData(9, ConsentGiver.Youth)]
    [InlineData(9, ConsentGiver.Youth | ConsentGiver.Parents)]
    [InlineData(16, ConsentGiver.Youth | ConsentGiver.Parents)]
    public void Access_is_asked_by_exactly_the_persons_informed_for_the_youths_age_and_at_twelve_to_fifteen_by_both_together(int age, ConsentGiver requestedBy)
    {
        var scenario = new PrivacyScenario();
        var youth = IndexScenario.YouthAged(TestBsns.Second, age);
        var informed = ConsentPolicy.Default.WhoDecides(youth, IndexScenario.Today);

        var error = Assert.Throws<AccessDeniedException>(() => scenario.Access.SubjectAccess(Family, youth, new VerifiedRequester(requestedBy, IdentityVerification.DigiD, "session 3")));

        Assert.Equal("R7 subject access", error.Rule);
        Assert.Contains("activeSignals", scenario.Access.SubjectAccess(Family, youth, new VerifiedRequester(informed, IdentityVerification.DigiD, "session 4")), StringComparison.Ordinal);
    }
}
