using System.Linq;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Plans;
using CareCoordination.Sdk.Plans.Book;
using CareCoordination.Sdk.Tests.Coordination;
using NodaTime;
using Xunit;

namespace CareCoordination.Sdk.Tests.Plans.Book;

public sealed class PlanBookTests
{
    [Fact]
    public void The_coordinator_drafts_one_plan_per_case_and_a_second_draft_is_refused()
    {
        var (scenario, book, id) = CoordinatedCase();

        book.Draft(id, Coordinator, DeskScenario.SocialWork);

        var error = Assert.Throws<PlanChangeRefusedException>(() => book.Draft(id, Coordinator, DeskScenario.SocialWork));
        Assert.Equal("a case has one plan (1 gezin, 1 plan); change the existing one", error.Rule);
        Assert.NotNull(book.Find(id));
        Assert.Null(book.Find(scenario.Open(scenario.NewFamily())));
    }

    [Fact]
    public void A_case_nobody_coordinates_yet_gets_no_plan()
    {
        var scenario = new DeskScenario();
        var book = new PlanBook(scenario.Desk, PlanPolicy.Default, PlanScenario.Amsterdam, scenario.Clock);
        var id = scenario.Open(scenario.NewFamily());

        var error = Assert.Throws<PlanChangeRefusedException>(() => book.Draft(id, Coordinator, DeskScenario.SocialWork));

        Assert.Equal("the case is AwaitingCaseHolder; a coordinator or case holder drafts the plan", error.Rule);
    }

    [Fact]
    public void A_change_made_on_a_stale_version_is_refused_and_overwrites_nothing()
    {
        var (_, book, id) = CoordinatedCase();
        var plan = book.Draft(id, Coordinator, DeskScenario.SocialWork);
        book.Change(id, plan.Version, (p, at) => p.SetGoal("Debts in order", Coordinator, at));

        var error = Assert.Throws<StaleVersionException>(() => book.Change(id, plan.Version, (p, at) => p.SetGoal("Something else", Coordinator, at)));

        Assert.Equal($"The plan of {id} is at version 2; the change was made on version 1. Reload the plan and try again.", error.Message);
        Assert.Equal(["Debts in order"], book.Find(id)!.Goals.Select(g => g.Description));
    }

    [Fact]
    public void The_daily_check_climbs_the_ladder_and_the_agenda_shows_who_must_act()
    {
        var (scenario, book, id) = CoordinatedCase();
        var plan = book.Draft(id, Coordinator, DeskScenario.SocialWork);
        var today = book.Today;
        plan = book.Change(id, plan.Version, (p, at) => p
            .SetGoal("Debts in order", Coordinator, at)
            .AgreeAction(1, ActionKind.Help, "Debt counselling intake", DeskScenario.SocialWork, new Sdk.Organisations.ProfessionalId(212), today.PlusDays(7), Coordinator, at));
        scenario.Clock.Advance(Duration.FromDays(15));

        var moved = book.AdvanceEscalations(Coordinator);

        Assert.Equal(EscalationLevel.Executors, Assert.Single(moved).Escalation);
        var agenda = book.GetAgenda(book.Today.PlusDays(30));
        var forCoordinator = agenda.PerCoordinator[new CoordinatorId(1)];
        Assert.Contains(forCoordinator, i => i.Kind == PlanDueKind.Action && i.IsOverdue);
        Assert.Contains(forCoordinator, i => i.Kind == PlanDueKind.EscalationDeadline && i.Due == book.Today.PlusDays(14));
        Assert.Contains(agenda.PerOrganisation[DeskScenario.SocialWork], i => i.Action == 1);
        Assert.Empty(agenda.Municipality);

        scenario.Clock.Advance(Duration.FromDays(15));
        book.AdvanceEscalations(Coordinator);
        scenario.Clock.Advance(Duration.FromDays(15));
        book.AdvanceEscalations(Coordinator);
        Assert.Single(book.GetAgenda(book.Today.PlusDays(60)).Municipality);
    }

    [Fact]
    public void The_overview_counts_completed_plans_reached_goals_and_cases_closed_without_escalation()
    {
        var (scenario, book, id) = CoordinatedCase();
        var plan = book.Draft(id, Coordinator, DeskScenario.SocialWork);
        book.Change(id, plan.Version, (p, at) => p
            .SetGoal("Debts in order", Coordinator, at)
            .Review(new System.Collections.Generic.Dictionary<int, string> { [1] = "Done" }, [1], Coordinator, at));
        scenario.Desk.Close(id, CaseOutcome.GoalsReached);
        scenario.Desk.Close(scenario.Open(scenario.NewFamily()), CaseOutcome.FamilyDeclined);

        var overview = book.GetOverview();

        Assert.Equal((1, 1, 1, 1), (overview.Plans, overview.PlansCompleted, overview.Goals, overview.GoalsReached));
        Assert.Equal((2, 2, 0), (overview.ClosedCases, overview.ClosedCasesWithoutEscalation, overview.PlansEverEscalated));
    }

    [Fact]
    public void The_escalation_ladder_diagram_in_the_docs_is_generated_from_the_table()
    {
        MermaidDocs.AssertGenerated("escalation-ladder.md", EscalationLadder.ToMermaid());
    }

    private static readonly Sdk.Organisations.ProfessionalId Coordinator = DeskScenario.ProfessionalOf(DeskScenario.SocialWork, 1);

    private static (DeskScenario Scenario, PlanBook Book, CaseId Case) CoordinatedCase()
    {
        var scenario = new DeskScenario();
        scenario.AddCoordinator(1, DeskScenario.SocialWork);
        var id = scenario.OpenWaitingCase(scenario.NewFamily(), ProblemDomains.Debt | ProblemDomains.Housing, ProblemDomains.Debt);
        scenario.Desk.AssignCoordinator(id).ThrowIfRefused();
        return (scenario, new PlanBook(scenario.Desk, PlanPolicy.Default, PlanScenario.Amsterdam, scenario.Clock), id);
    }
}
