using System;
using System.Linq;
using CareCoordination.Sdk.Coordination;
using NodaTime;
using Xunit;

namespace CareCoordination.Sdk.Tests.Coordination.Desk;

public sealed class CoordinationDeskAssignmentTests
{
    [Fact]
    public void Raising_the_tier_makes_the_case_wait_for_a_coordinator_with_the_reasons_recorded()
    {
        var scenario = new DeskScenario();
        var id = scenario.Open(scenario.NewFamily());

        var decision = scenario.Desk.Assess(id, new CaseAssessment(ProblemDomains.Debt | ProblemDomains.Housing, ProblemDomains.Debt, false));

        var current = scenario.Desk.GetCase(id);
        Assert.Equal(CoordinationTier.General, current.Tier);
        Assert.Equal(decision.Reasons, current.TierReasons);
        Assert.Equal(CaseStatus.AwaitingCoordinator, current.Status);
        var assessed = Assert.IsType<CaseAssessed>(current.History[^1]);
        Assert.Equal((CoordinationTier.None, CoordinationTier.General), (assessed.From, assessed.To));
    }

    [Fact]
    public void The_organisation_that_fits_the_core_problem_and_knows_the_family_is_preferred()
    {
        var scenario = new DeskScenario();
        scenario.AddCoordinator(1, DeskScenario.Cjg, hours: 8);
        scenario.AddCoordinator(2, DeskScenario.SocialWork);
        scenario.AddCoordinator(3, DeskScenario.MentalHealth, hours: 8);
        var id = scenario.OpenWaitingCase(scenario.NewFamily(), ProblemDomains.Debt | ProblemDomains.Parenting, ProblemDomains.Debt, organisation: DeskScenario.SocialWork);

        var decision = scenario.Desk.AssignCoordinator(id).ThrowIfRefused();

        Assert.Equal(new CoordinatorId(2), decision.Coordinator);
        Assert.False(decision.IsFallback);
        Assert.Equal("org-2 fits the core problem (debt) and already knows the family; coordinator-2 had 4 of 4 hours free.", decision.Reason);
        Assert.Equal(CaseStatus.Coordinated, scenario.Desk.GetCase(id).Status);
    }

    [Fact]
    public void An_organisation_that_fits_the_core_problem_goes_before_one_that_only_knows_the_family()
    {
        var scenario = new DeskScenario();
        scenario.AddCoordinator(1, DeskScenario.Cjg, hours: 8);
        scenario.AddCoordinator(2, DeskScenario.MentalHealth);
        var id = scenario.OpenWaitingCase(scenario.NewFamily(), ProblemDomains.MentalHealth | ProblemDomains.School, ProblemDomains.MentalHealth, organisation: DeskScenario.Cjg);

        var decision = scenario.Desk.AssignCoordinator(id).ThrowIfRefused();

        Assert.Equal(new CoordinatorId(2), decision.Coordinator);
    }

    [Fact]
    public void An_organisation_that_knows_the_family_goes_before_a_stranger()
    {
        var scenario = new DeskScenario();
        scenario.AddCoordinator(1, DeskScenario.YouthHealthCare, hours: 8);
        scenario.AddCoordinator(2, DeskScenario.Cjg);
        var id = scenario.OpenWaitingCase(scenario.NewFamily(), ProblemDomains.Justice | ProblemDomains.School, ProblemDomains.Justice, organisation: DeskScenario.Cjg);

        Assert.Equal(new CoordinatorId(2), scenario.Desk.AssignCoordinator(id).Coordinator);
    }

    [Fact]
    public void When_the_preferred_organisation_is_full_another_organisation_staffs_the_case()
    {
        var scenario = new DeskScenario();
        scenario.AddCoordinator(1, DeskScenario.SocialWork, hours: 2);
        scenario.AddCoordinator(2, DeskScenario.Cjg);
        scenario.Desk.AssignCoordinator(scenario.OpenWaitingCase(scenario.NewFamily(), ProblemDomains.Debt | ProblemDomains.Income, ProblemDomains.Debt)).ThrowIfRefused();
        var id = scenario.OpenWaitingCase(scenario.NewFamily(), ProblemDomains.Debt | ProblemDomains.Income, ProblemDomains.Debt);

        var decision = scenario.Desk.AssignCoordinator(id).ThrowIfRefused();

        Assert.Equal(new CoordinatorId(2), decision.Coordinator);
        Assert.True(decision.IsFallback);
        Assert.EndsWith("The preferred organisations could not staff the case, so it went to another organisation.", decision.Reason, StringComparison.Ordinal);
        Assert.True(Assert.IsType<CoordinatorAssigned>(scenario.Desk.GetCase(id).History[^1]).Fallback);
    }

    [Fact]
    public void Under_nl_NL_the_desk_says_in_Dutch_why_no_coordinator_can_take_the_case()
    {
        var scenario = new DeskScenario();
        scenario.AddCoordinator(1, DeskScenario.MentalHealth, TrainingLevel.General, hours: 20);
        var id = scenario.OpenWaitingCase(scenario.NewFamily(), ProblemDomains.MentalHealth | ProblemDomains.Safety, ProblemDomains.MentalHealth, safety: true);

        var decision = UiCulture.In("nl-NL", () => scenario.Desk.AssignCoordinator(id));
        var error = UiCulture.In("nl-NL", () => Assert.Throws<NoCoordinatorAvailableException>(() => decision.ThrowIfRefused()));

        Assert.Equal("niemand in de pool kan een casus (Specialist) van 4 uur per week op zich nemen: 0 geschoolde zorgcoördinatoren zitten vol en 1 missen de specialistische scholing.", decision.Reason);
        Assert.Equal($"Geen zorgcoördinator kan {id} op zich nemen: {decision.Reason}", error.Message);
    }

    [Fact]
    public void A_specialist_case_never_goes_to_a_coordinator_without_specialist_training()
    {
        var scenario = new DeskScenario();
        scenario.AddCoordinator(1, DeskScenario.MentalHealth, TrainingLevel.General, hours: 20);
        var id = scenario.OpenWaitingCase(scenario.NewFamily(), ProblemDomains.MentalHealth | ProblemDomains.Safety, ProblemDomains.MentalHealth, safety: true);

        var decision = scenario.Desk.AssignCoordinator(id);

        Assert.False(decision.IsAssigned);
        Assert.Equal("nobody in the pool can take a Specialist case of 4 hours a week: 0 qualified coordinators are at capacity and 1 lack specialist training.", decision.Reason);
        var waiting = scenario.Desk.GetCase(id);
        Assert.Equal(CaseStatus.AwaitingCoordinator, waiting.Status);
        Assert.Equal(decision.Reason, waiting.WaitingReason);
        var error = Assert.Throws<NoCoordinatorAvailableException>(() => decision.ThrowIfRefused());
        Assert.Equal(id, error.Case);
    }

    [Fact]
    public void A_coordinator_never_takes_more_than_their_weekly_hours()
    {
        var scenario = new DeskScenario();
        scenario.AddCoordinator(1, DeskScenario.SocialWork, hours: 4);
        var cases = Enumerable.Range(0, 3).Select(_ => scenario.OpenWaitingCase(scenario.NewFamily(), ProblemDomains.Debt | ProblemDomains.Housing, ProblemDomains.Debt)).ToArray();

        var decisions = cases.Select(id => scenario.Desk.AssignCoordinator(id)).ToArray();

        Assert.Equal([true, true, false], decisions.Select(d => d.IsAssigned));
        Assert.Equal("nobody in the pool can take a General case of 2 hours a week: 1 qualified coordinators are at capacity and 0 lack specialist training.", decisions[2].Reason);
        var load = Assert.Single(scenario.Desk.GetOverview().Coordinators);
        Assert.Equal((2, 4m, 0m), (load.Cases, load.HoursInUse, load.FreeHours));
    }

    [Fact]
    public void Asking_again_while_nobody_is_free_does_not_repeat_the_same_reason_in_the_history()
    {
        var scenario = new DeskScenario();
        var id = scenario.OpenWaitingCase(scenario.NewFamily(), ProblemDomains.Debt | ProblemDomains.Housing, ProblemDomains.Debt);
        scenario.Desk.AssignCoordinator(id);
        var version = scenario.Desk.GetCase(id).Version;

        var again = scenario.Desk.AssignCoordinator(id);

        Assert.Equal("nobody in the pool can take a General case of 2 hours a week: the pool is empty.", again.Reason);
        Assert.Equal(version, scenario.Desk.GetCase(id).Version);
    }

    [Fact]
    public void A_coordinator_leaving_the_pool_hands_each_case_to_another_or_leaves_it_waiting_with_the_reason()
    {
        var scenario = new DeskScenario();
        scenario.AddCoordinator(1, DeskScenario.SocialWork, hours: 4);
        scenario.AddCoordinator(2, DeskScenario.Cjg, hours: 2);
        var first = scenario.OpenWaitingCase(scenario.NewFamily(), ProblemDomains.Debt | ProblemDomains.Housing, ProblemDomains.Debt);
        var second = scenario.OpenWaitingCase(scenario.NewFamily(), ProblemDomains.Debt | ProblemDomains.Housing, ProblemDomains.Debt);
        scenario.Desk.AssignCoordinator(first).ThrowIfRefused();
        scenario.Desk.AssignCoordinator(second).ThrowIfRefused();

        var decisions = scenario.Desk.RemoveCoordinator(new CoordinatorId(1), "left the organisation");

        Assert.Equal([first, second], decisions.Select(d => d.Case));
        Assert.Equal(new CoordinatorId(2), decisions[0].Coordinator);
        Assert.False(decisions[1].IsAssigned);
        var waiting = scenario.Desk.GetCase(second);
        Assert.Equal(CaseStatus.AwaitingCoordinator, waiting.Status);
        Assert.Contains(waiting.History, e => e is CoordinatorReleased { Reason: "the coordinator left the pool: left the organisation" });
        Assert.DoesNotContain(scenario.Desk.Pool, c => c.Id == new CoordinatorId(1));
    }

    [Fact]
    public void Reassigning_gives_the_case_to_another_coordinator_than_the_one_before()
    {
        var scenario = new DeskScenario();
        scenario.AddCoordinator(1, DeskScenario.SocialWork, hours: 8);
        scenario.AddCoordinator(2, DeskScenario.SocialWork, hours: 4);
        var id = scenario.OpenWaitingCase(scenario.NewFamily(), ProblemDomains.Debt | ProblemDomains.Housing, ProblemDomains.Debt);
        Assert.Equal(new CoordinatorId(1), scenario.Desk.AssignCoordinator(id).Coordinator);

        var decision = scenario.Desk.Reassign(id, "the family asked for another coordinator");

        Assert.Equal(new CoordinatorId(2), decision.Coordinator);
    }

    [Fact]
    public void A_case_that_becomes_specialist_releases_a_coordinator_with_general_training_only()
    {
        var scenario = new DeskScenario();
        scenario.AddCoordinator(1, DeskScenario.SocialWork, hours: 8);
        var id = scenario.OpenWaitingCase(scenario.NewFamily(), ProblemDomains.Debt | ProblemDomains.Housing, ProblemDomains.Debt);
        scenario.Desk.AssignCoordinator(id).ThrowIfRefused();

        scenario.Desk.Assess(id, new CaseAssessment(ProblemDomains.Debt | ProblemDomains.Safety, ProblemDomains.Debt, safetyThreatened: true));

        var current = scenario.Desk.GetCase(id);
        Assert.Equal((CoordinationTier.Specialist, CaseStatus.AwaitingCoordinator, (CoordinatorId?)null), (current.Tier, current.Status, current.Coordinator));
        Assert.Equal("coordinator-1 let go of the case: the case became specialist and the coordinator has general training only", current.WaitingReason);
    }

    [Fact]
    public void The_director_can_choose_a_coordinator_but_not_one_without_room()
    {
        var scenario = new DeskScenario();
        scenario.AddCoordinator(1, DeskScenario.SocialWork, hours: 2);
        var first = scenario.OpenWaitingCase(scenario.NewFamily(), ProblemDomains.Debt | ProblemDomains.Housing, ProblemDomains.Debt);
        var second = scenario.OpenWaitingCase(scenario.NewFamily(), ProblemDomains.Debt | ProblemDomains.Housing, ProblemDomains.Debt);
        scenario.Desk.AssignChosenCoordinator(first, new CoordinatorId(1)).ThrowIfRefused();
        var version = scenario.Desk.GetCase(second).Version;

        var refused = scenario.Desk.AssignChosenCoordinator(second, new CoordinatorId(1));

        Assert.Equal("coordinator-1 has 0 of 2 hours free and the case takes 2.", refused.Reason);
        Assert.Equal(version, scenario.Desk.GetCase(second).Version);
    }

    [Fact]
    public void Assigning_a_coordinator_to_a_case_in_tier_none_is_refused_naming_the_status_and_the_rule()
    {
        var scenario = new DeskScenario();
        scenario.AddCoordinator(1, DeskScenario.SocialWork);
        var id = scenario.Open(scenario.NewFamily());

        var error = Assert.Throws<CaseTransitionRefusedException>(() => scenario.Desk.AssignCoordinator(id));

        Assert.Equal($"{id} is AwaitingCaseHolder; AssignCoordinator is not allowed: only a case that waits for a coordinator gets one.", error.Message);
    }

    [Fact]
    public void A_change_made_on_a_stale_version_of_the_case_is_refused_and_overwrites_nothing()
    {
        var scenario = new DeskScenario();
        scenario.AddCoordinator(1, DeskScenario.SocialWork);
        var id = scenario.OpenWaitingCase(scenario.NewFamily(), ProblemDomains.Debt | ProblemDomains.Housing, ProblemDomains.Debt);
        var seen = scenario.Desk.GetCase(id).Version;
        scenario.Desk.AssignCoordinator(id, seen).ThrowIfRefused();

        var error = Assert.Throws<StaleVersionException>(() => scenario.Desk.Close(id, CaseOutcome.FamilyDeclined, seen));

        Assert.Equal($"{id} is at version {seen + 1}; the change was made on version {seen}. Reload the case and try again.", error.Message);
        Assert.Equal(CaseStatus.Coordinated, scenario.Desk.GetCase(id).Status);
        Assert.Equal(CaseStatus.Closed, scenario.Desk.Close(id, CaseOutcome.FamilyDeclined, seen + 1).Status);
    }

    [Fact]
    public void In_tier_none_the_case_holder_coordinates_without_a_pool_coordinator()
    {
        var scenario = new DeskScenario();
        var id = scenario.Open(scenario.NewFamily(), organisation: DeskScenario.School);
        scenario.Desk.Assess(id, new CaseAssessment(ProblemDomains.School, ProblemDomains.School, false));

        var current = scenario.Desk.NameCaseHolder(id, DeskScenario.ProfessionalOf(DeskScenario.School, 1), DeskScenario.School);

        Assert.Equal(CaseStatus.CaseHolderCoordinates, current.Status);
        Assert.Null(current.Coordinator);
        Assert.Null(current.WaitingReason);
    }

    [Fact]
    public void Lowering_the_tier_to_none_frees_the_coordinator_and_gives_the_case_back_to_its_case_holder()
    {
        var scenario = new DeskScenario();
        scenario.AddCoordinator(1, DeskScenario.SocialWork);
        var id = scenario.OpenWaitingCase(scenario.NewFamily(), ProblemDomains.Debt | ProblemDomains.Housing, ProblemDomains.Debt, organisation: DeskScenario.SocialWork);
        scenario.Desk.NameCaseHolder(id, DeskScenario.ProfessionalOf(DeskScenario.SocialWork, 5), DeskScenario.SocialWork);
        scenario.Desk.AssignCoordinator(id).ThrowIfRefused();
        scenario.Clock.Advance(Duration.FromDays(60));

        scenario.Desk.Assess(id, new CaseAssessment(ProblemDomains.Debt, ProblemDomains.Debt, false));

        var current = scenario.Desk.GetCase(id);
        Assert.Equal((CoordinationTier.None, CaseStatus.CaseHolderCoordinates), (current.Tier, current.Status));
        Assert.Equal(0m, Assert.Single(scenario.Desk.GetOverview().Coordinators).HoursInUse);
    }
}
