using System.Linq;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Coordination.Desk;
using NodaTime;
using Xunit;

namespace CareCoordination.Sdk.Tests.Coordination;

public sealed class HandoverTests
{
    [Fact]
    public void A_supervision_order_hands_coordination_over_to_youth_protection_and_frees_the_coordinator()
    {
        var scenario = new DeskScenario();
        scenario.AddCoordinator(1, DeskScenario.SocialWork);
        var family = scenario.NewFamily();
        var id = scenario.OpenWaitingCase(family, ProblemDomains.Debt | ProblemDomains.Housing, ProblemDomains.Debt, organisation: DeskScenario.SocialWork);
        scenario.Desk.Intake(CaseIntake.ForFamily(IntakeRoute.CareNetwork, family, DeskScenario.School));
        scenario.Desk.AssignCoordinator(id).ThrowIfRefused();
        var handover = DeskScenario.HandoverTo(DeskScenario.YouthProtection, DeskScenario.SocialWork, DeskScenario.School);

        var current = scenario.Desk.HandOverToYouthProtection(id, handover);

        Assert.Equal(CaseStatus.HandedOver, current.Status);
        Assert.Same(handover, current.Handover);
        Assert.Null(current.Coordinator);
        Assert.IsType<CoordinatorReleased>(current.History[^2]);
        Assert.Equal(0, Assert.Single(scenario.Desk.GetOverview().Coordinators).Cases);
    }

    [Fact]
    public void Feedback_from_youth_protection_falls_due_per_involved_organisation_and_shows_when_overdue()
    {
        var scenario = new DeskScenario();
        var family = scenario.NewFamily();
        var id = scenario.Open(family, organisation: DeskScenario.SocialWork);
        scenario.Desk.Intake(CaseIntake.ForFamily(IntakeRoute.CareNetwork, family, DeskScenario.School));
        scenario.Desk.HandOverToYouthProtection(id, DeskScenario.HandoverTo(DeskScenario.YouthProtection, DeskScenario.SocialWork, DeskScenario.School));
        scenario.Clock.Advance(Duration.FromDays(30));
        scenario.Desk.RecordFeedback(id, DeskScenario.School);
        scenario.Clock.Advance(Duration.FromDays(13));

        var overdue = scenario.Desk.GetOverdueFeedback();

        var late = Assert.Single(overdue);
        Assert.Equal((id, DeskScenario.SocialWork, (Instant?)null), (late.Case, late.Organisation, late.LastInformedAt));
        Assert.Equal(IndexScenarioStart + Duration.FromDays(42), late.DueAt);
        var school = scenario.Desk.GetCase(id).GetFeedbackDue().Single(f => f.Organisation == DeskScenario.School);
        Assert.Equal(IndexScenarioStart + Duration.FromDays(72), school.DueAt);
    }

    [Fact]
    public void Feedback_to_an_organisation_outside_the_handover_is_refused_and_changes_nothing()
    {
        var scenario = new DeskScenario();
        var id = scenario.Open(scenario.NewFamily(), organisation: DeskScenario.SocialWork);
        scenario.Desk.HandOverToYouthProtection(id, DeskScenario.HandoverTo(DeskScenario.YouthProtection, DeskScenario.SocialWork));
        var version = scenario.Desk.GetCase(id).Version;

        Assert.Throws<System.ArgumentException>(() => scenario.Desk.RecordFeedback(id, DeskScenario.MentalHealth));

        Assert.Equal(version, scenario.Desk.GetCase(id).Version);
    }

    [Fact]
    public void When_the_measure_ends_coordination_comes_back_and_waits_for_a_coordinator_at_its_tier()
    {
        var scenario = new DeskScenario();
        scenario.AddCoordinator(1, DeskScenario.SocialWork);
        var id = scenario.OpenWaitingCase(scenario.NewFamily(), ProblemDomains.Debt | ProblemDomains.Housing, ProblemDomains.Debt, organisation: DeskScenario.SocialWork);
        scenario.Desk.HandOverToYouthProtection(id, DeskScenario.HandoverTo(DeskScenario.YouthProtection, DeskScenario.SocialWork));

        var returned = scenario.Desk.ReturnFromYouthProtection(id, "supervision order ended");

        Assert.Equal(CaseStatus.AwaitingCoordinator, returned.Status);
        Assert.Null(returned.Handover);
        Assert.Empty(returned.GetFeedbackDue());
        Assert.True(scenario.Desk.AssignCoordinator(id).IsAssigned);
    }

    [Fact]
    public void A_case_in_tier_none_comes_back_to_its_case_holder()
    {
        var scenario = new DeskScenario();
        var id = scenario.Open(scenario.NewFamily(), organisation: DeskScenario.School);
        scenario.Desk.NameCaseHolder(id, DeskScenario.ProfessionalOf(DeskScenario.School, 1), DeskScenario.School);
        scenario.Desk.HandOverToYouthProtection(id, DeskScenario.HandoverTo(DeskScenario.YouthProtection, DeskScenario.School));

        Assert.Equal(CaseStatus.CaseHolderCoordinates, scenario.Desk.ReturnFromYouthProtection(id, "indication ended").Status);
    }

    [Fact]
    public void A_handover_that_would_report_back_to_an_organisation_outside_the_case_is_refused_and_changes_nothing()
    {
        var scenario = new DeskScenario();
        var id = scenario.Open(scenario.NewFamily(), organisation: DeskScenario.SocialWork);
        var version = scenario.Desk.GetCase(id).Version;

        var error = Assert.Throws<System.ArgumentException>(() => scenario.Desk.HandOverToYouthProtection(id, DeskScenario.HandoverTo(DeskScenario.YouthProtection, DeskScenario.SocialWork, DeskScenario.School)));

        Assert.Contains(DeskScenario.School.ToString(), error.Message, System.StringComparison.Ordinal);
        Assert.Equal((version, CaseStatus.AwaitingCaseHolder), (scenario.Desk.GetCase(id).Version, scenario.Desk.GetCase(id).Status));
    }

    [Fact]
    public void Returning_a_case_that_was_never_handed_over_is_refused()
    {
        var scenario = new DeskScenario();
        var id = scenario.Open(scenario.NewFamily());

        var error = Assert.Throws<CaseTransitionRefusedException>(() => scenario.Desk.ReturnFromYouthProtection(id, "ended"));

        Assert.Equal((CaseStatus.AwaitingCaseHolder, CaseTrigger.Return), (error.Status, error.Trigger));
        Assert.Equal("the lifecycle allows only JoinIntake, NameCaseHolder, RaiseToCoordination, HandOver, RecordHours, Close in status AwaitingCaseHolder", error.Rule);
    }

    private static Instant IndexScenarioStart => Signals.IndexScenario.Start;
}
