using System;
using System.Linq;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Coordination.Desk;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Coordination;
using CareCoordination.Sdk.Tests.Signals;
using Xunit;
using static CareCoordination.Sdk.Tests.Privacy.PrivacyScenario;

namespace CareCoordination.Sdk.Tests.Privacy.Access;

public sealed class AccessRulesBypassTests
{
    [Fact]
    public void Only_the_reporting_organisation_withdraws_its_signal_and_both_the_refusal_and_the_withdrawal_are_audited()
    {
        var scenario = new PrivacyScenario();
        scenario.Coordinated();

        Assert.Throws<AccessDeniedException>(() => scenario.Access.Withdraw(ReporterOf(School), Sam.Bsn, WithdrawalReason.Unjustified));
        var refused = scenario.Audit.Export()[^1];
        var withdrawn = scenario.Access.Withdraw(ReporterOf(YouthHealthCare), Sam.Bsn, WithdrawalReason.Unjustified);

        Assert.Equal((AuditAction.Refused, true), (refused.Action, refused.FlaggedForReview));
        Assert.Equal(YouthHealthCare, withdrawn.Organisation);
        Assert.Equal((AuditAction.Delete, DataCategory.Signals, "withdrawal (Unjustified)"), (scenario.Audit.Export()[^1].Action, scenario.Audit.Export()[^1].Data, scenario.Audit.Export()[^1].Detail));
        Assert.Single(scenario.Index.Index.GetActiveSignals(Sam.Bsn));
    }

    [Fact]
    public void A_case_holder_from_an_organisation_not_involved_is_refused_and_the_case_is_unchanged()
    {
        var scenario = new DeskScenario();
        var id = scenario.Open(scenario.NewFamily(), organisation: DeskScenario.Cjg);
        var before = scenario.Desk.GetCase(id).Version;

        var error = Assert.Throws<ArgumentException>(() => scenario.Desk.NameCaseHolder(id, DeskScenario.ProfessionalOf(DeskScenario.School, 1), DeskScenario.School));

        Assert.StartsWith($"{DeskScenario.School} is not involved in {id}", error.Message, StringComparison.Ordinal);
        Assert.Equal((before, (Sdk.Organisations.ProfessionalId?)null), (scenario.Desk.GetCase(id).Version, scenario.Desk.GetCase(id).CaseHolder));
    }

    [Fact]
    public void A_case_read_is_audited_for_every_youth_of_the_case_so_that_a_siblings_subject_access_finds_it()
    {
        var scenario = new PrivacyScenario();
        var sara = IndexScenario.YouthAged(TestBsns.Second, 10);
        var id = scenario.Coordinated();
        scenario.Desk.Desk.Intake(CaseIntake.ForYouths(IntakeRoute.CareNetwork, [Sam.Bsn, sara.Bsn], School, "ZAT"));

        scenario.Access.GetCase(Coordinator, id);

        var reads = scenario.Audit.Export().Where(r => r.Data == DataCategory.Case && r.Action == AuditAction.Read).ToList();
        Assert.Equal(new[] { scenario.Audit.Pseudonymiser.Of(Sam.Bsn).Value, scenario.Audit.Pseudonymiser.Of(sara.Bsn).Value }.Order(), reads.Select(r => r.Subject.Value).Order());
        Assert.Contains(id.ToString(), scenario.Access.SubjectAccess(Family, sara, new VerifiedRequester(ConsentGiver.Parents, IdentityVerification.DigiD, "session 2")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_of_open_information_obligations_is_audited_for_every_youth_it_names()
    {
        var scenario = new PrivacyScenario();
        var sara = IndexScenario.YouthAged(TestBsns.Second, 10);
        scenario.Index.Register(YouthHealthCare, Sam);
        scenario.Index.Register(YouthHealthCare, sara);
        scenario.Index.Register(SocialWork, IndexScenario.YouthAged(Sdk.Identity.Bsn.Parse("212345606"), 9));

        var open = scenario.Access.GetOpenInformationObligations(ReporterOf(YouthHealthCare));

        Assert.Equal(2, open.Count);
        var reads = scenario.Audit.Export().Where(r => r.Data == DataCategory.InformationObligation && r.Action == AuditAction.Read).ToList();
        Assert.Equal(new[] { scenario.Audit.Pseudonymiser.Of(Sam.Bsn).Value, scenario.Audit.Pseudonymiser.Of(sara.Bsn).Value }.Order(), reads.Select(r => r.Subject.Value).Order());
    }

    [Fact]
    public void Which_case_handles_a_youth_is_told_only_to_organisations_involved_in_it_and_each_answer_is_audited()
    {
        var scenario = new PrivacyScenario();
        var id = scenario.Coordinated();

        Assert.Equal(id, scenario.Access.WhichCaseHandles(ReporterOf(YouthHealthCare), Sam.Bsn).Case);
        Assert.Throws<AccessDeniedException>(() => scenario.Access.WhichCaseHandles(ReporterOf(School), Sam.Bsn));
        Assert.Equal([AuditAction.Read, AuditAction.Refused], scenario.Audit.Export().TakeLast(2).Select(r => r.Action));
    }

    [Fact]
    public void Subject_access_records_the_verified_role_and_how_the_host_verified_it()
    {
        var scenario = new PrivacyScenario();
        scenario.Coordinated();

        scenario.Access.SubjectAccess(Family, Sam, new VerifiedRequester(ConsentGiver.Youth | ConsentGiver.Parents, IdentityVerification.DigiD, "session 42"));

        Assert.Equal("subject access document for Parents, Youth verified by DigiD (session 42)", scenario.Audit.Export()[^1].Detail);
        Assert.Throws<ArgumentException>(() => new VerifiedRequester(ConsentGiver.None, IdentityVerification.DigiD, "x"));
    }
}
