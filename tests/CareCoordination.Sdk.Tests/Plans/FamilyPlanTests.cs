using System;
using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Plans;
using NodaTime;
using Xunit;
using static CareCoordination.Sdk.Tests.Plans.PlanScenario;

namespace CareCoordination.Sdk.Tests.Plans;

public sealed class FamilyPlanTests
{
    [Fact]
    public void A_fresh_plan_with_actions_in_time_does_not_stall()
    {
        Assert.Empty(Drafted().DetectStagnation(Day0.PlusDays(20), PlanPolicy.Default));
    }

    [Fact]
    public void An_action_overdue_within_the_grace_period_does_not_stall_the_plan_and_past_it_an_agreement_was_not_kept()
    {
        var plan = Drafted();

        Assert.Empty(plan.DetectStagnation(Day0.PlusDays(21), PlanPolicy.Default));
        var stalled = Assert.Single(plan.DetectStagnation(Day0.PlusDays(22), PlanPolicy.Default));

        Assert.Equal((StagnationCause.AgreementNotKept, Day0.PlusDays(22)), (stalled.Cause, stalled.Since));
        Assert.Equal([1], stalled.Actions);
        Assert.Equal("1 action(s) overdue by more than 7 days: #1 of org-2, due 2026-12-07.", stalled.Description);
    }

    [Fact]
    public void Under_nl_NL_an_overdue_action_and_its_escalation_deadline_read_in_Dutch()
    {
        var plan = Drafted();

        var stalled = UiCulture.In("nl-NL", () => Assert.Single(plan.DetectStagnation(Day0.PlusDays(22), PlanPolicy.Default)));
        var escalated = UiCulture.In("nl-NL", () => plan.AdvanceEscalation(Day0.PlusDays(22), PlanPolicy.Default, Coordinator, On(22)));
        var due = UiCulture.In("nl-NL", () => escalated.GetDueItems(Day0.PlusDays(365), Day0.PlusDays(22)).Single(i => i.Kind == PlanDueKind.EscalationDeadline));

        Assert.Equal("1 actie(s) meer dan 7 dagen over de afgesproken datum: #1 van org-2, uiterlijk 07-12-2026.", stalled.Description);
        Assert.Equal(stalled.Description, escalated.History.OfType<EscalationStepped>().Last().Reason);
        Assert.Equal("De trede Executors van de opschalingsladder moet de stagnatie oplossen.", due.Description);
    }

    [Fact]
    public void Feedback_not_given_in_time_is_its_own_cause()
    {
        var plan = Drafted().CompleteAction(1, Coordinator, On(10));

        var stalled = Assert.Single(plan.DetectStagnation(Day0.PlusDays(29), PlanPolicy.Default));

        Assert.Equal((StagnationCause.FeedbackNotGiven, 2), (stalled.Cause, stalled.Actions.Single()));
    }

    [Fact]
    public void A_waiting_list_stalls_the_plan_at_once_and_unblocking_it_moves_the_plan_again()
    {
        var plan = Drafted().PutOnWaitingList(1, "debt counselling: 10 weeks", Coordinator, On(2));

        var stalled = Assert.Single(plan.DetectStagnation(Day0.PlusDays(3), PlanPolicy.Default));
        Assert.Equal((StagnationCause.WaitingList, Day0.PlusDays(2)), (stalled.Cause, stalled.Since));
        Assert.Equal("A waiting list blocks #1 (debt counselling: 10 weeks).", stalled.Description);

        Assert.Empty(plan.Unblock(1, Day0.PlusDays(80), Coordinator, On(5)).DetectStagnation(Day0.PlusDays(6), PlanPolicy.Default));
    }

    [Fact]
    public void Changed_circumstances_stall_the_plan_until_a_review_adjusts_it()
    {
        var plan = Drafted().RecordChangedCircumstances("The family lost its home", severeThreat: false, Coordinator, On(3));

        Assert.Equal(StagnationCause.ChangedCircumstances, Assert.Single(plan.DetectStagnation(Day0.PlusDays(4), PlanPolicy.Default)).Cause);

        var reviewed = plan.Review(new Dictionary<int, string> { [1] = "Debts listed; temporary housing found" }, [], Coordinator, On(5));
        Assert.Empty(reviewed.DetectStagnation(Day0.PlusDays(6), PlanPolicy.Default));
        Assert.Equal("Debts listed; temporary housing found", reviewed.Goals[0].Progress);
    }

    [Fact]
    public void A_family_member_refusing_cooperation_stalls_the_plan_until_they_resume()
    {
        var plan = Drafted().RecordRefusal(FamilyMember.Parents, "Parents cancelled all appointments", Coordinator, On(3));

        var stalled = Assert.Single(plan.DetectStagnation(Day0.PlusDays(4), PlanPolicy.Default));
        Assert.Equal((StagnationCause.FamilyRefusesCooperation, "Parents refuse(s) further cooperation."), (stalled.Cause, stalled.Description));
        Assert.Empty(plan.RecordCooperationResumed(FamilyMember.Parents, Coordinator, On(5)).DetectStagnation(Day0.PlusDays(6), PlanPolicy.Default));
    }

    [Fact]
    public void A_stalled_plan_climbs_from_the_executors_to_management_to_the_municipality_each_with_a_deadline()
    {
        var policy = PlanPolicy.Default;
        var plan = Drafted();

        plan = plan.AdvanceEscalation(Day0.PlusDays(22), policy, Coordinator, On(22));
        Assert.Equal((EscalationLevel.Executors, Day0.PlusDays(36)), (plan.Escalation, plan.EscalationDeadline!.Value));
        Assert.Same(plan, plan.AdvanceEscalation(Day0.PlusDays(36), policy, Coordinator, On(36)));

        plan = plan.AdvanceEscalation(Day0.PlusDays(37), policy, Coordinator, On(37));
        Assert.Equal((EscalationLevel.Management, Day0.PlusDays(51)), (plan.Escalation, plan.EscalationDeadline!.Value));

        plan = plan.AdvanceEscalation(Day0.PlusDays(52), policy, Coordinator, On(52));
        Assert.Equal((EscalationLevel.Municipality, Day0.PlusDays(80)), (plan.Escalation, plan.EscalationDeadline!.Value));
        Assert.Same(plan, plan.AdvanceEscalation(Day0.PlusDays(90), policy, Coordinator, On(90)));

        var steps = plan.History.OfType<EscalationStepped>().ToArray();
        Assert.Equal([EscalationTrigger.Stall, EscalationTrigger.DeadlinePassed, EscalationTrigger.DeadlinePassed], steps.Select(s => s.Trigger));
        Assert.StartsWith("1 action(s) overdue", steps[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_severe_threat_to_the_child_goes_to_the_municipality_at_once()
    {
        var plan = Drafted().RecordChangedCircumstances("Domestic violence reported by the police", severeThreat: true, Coordinator, On(2));

        plan = plan.AdvanceEscalation(Day0.PlusDays(2), PlanPolicy.Default, Coordinator, On(2));

        Assert.Equal(EscalationLevel.Municipality, plan.Escalation);
        Assert.Equal(EscalationTrigger.SevereThreat, plan.History.OfType<EscalationStepped>().Single().Trigger);
    }

    [Fact]
    public void The_municipality_orders_a_provider_to_act_and_when_the_plan_moves_again_it_de_escalates()
    {
        var plan = Drafted().RecordChangedCircumstances("Child found alone at home", severeThreat: true, Coordinator, On(2))
            .AdvanceEscalation(Day0.PlusDays(2), PlanPolicy.Default, Coordinator, On(2));
        var order = new EnforcementOrder(SocialWork, "Start debt counselling within one week", Day0.PlusDays(9), new ProfessionalId(9001));

        plan = plan.OrderEnforcement(order, new ProfessionalId(9001), On(3));
        var due = plan.GetDueItems(Day0.PlusDays(10), Day0.PlusDays(3));
        Assert.Contains(due, i => i.Kind == PlanDueKind.EnforcementOrder && i.Organisation == SocialWork && i.Due == Day0.PlusDays(9));

        plan = plan.Review(new Dictionary<int, string> { [1] = "Safety plan in place" }, [], Coordinator, On(5))
            .CompleteAction(1, Coordinator, On(8))
            .AdvanceEscalation(Day0.PlusDays(8), PlanPolicy.Default, Coordinator, On(8));

        Assert.Equal((EscalationLevel.None, (LocalDate?)null), (plan.Escalation, plan.EscalationDeadline));
        Assert.True(plan.WasEverEscalated);
        Assert.Equal(EscalationTrigger.PlanMoves, plan.History.OfType<EscalationStepped>().Last().Trigger);
    }

    [Fact]
    public void An_enforcement_order_before_the_plan_reaches_the_municipality_is_refused()
    {
        var plan = Drafted();

        var error = Assert.Throws<PlanChangeRefusedException>(() => plan.OrderEnforcement(new EnforcementOrder(SocialWork, "Act", Day0.PlusDays(5), new ProfessionalId(9001)), new ProfessionalId(9001), On(1)));

        Assert.Equal("The plan of case-1 (escalation: None) refuses an enforcement order: only a plan escalated to the municipality can get one.", error.Message);
    }

    [Fact]
    public void An_enforcement_order_refused_under_nl_NL_reads_in_Dutch()
    {
        var plan = Drafted();

        var error = UiCulture.In("nl-NL", () => Assert.Throws<PlanChangeRefusedException>(() => plan.OrderEnforcement(new EnforcementOrder(SocialWork, "Act", Day0.PlusDays(5), new ProfessionalId(9001)), new ProfessionalId(9001), On(1))));

        Assert.Equal("Het gezinsplan van case-1 (opschaling: None) weigert een besluit met doorzettingsmacht: alleen een plan dat is opgeschaald naar de gemeente kan doorzettingsmacht krijgen.", error.Message);
        Assert.Equal("een besluit met doorzettingsmacht", error.Step);
    }

    [Fact]
    public void Due_items_name_the_organisation_and_professional_and_say_what_is_overdue()
    {
        var due = Drafted().GetDueItems(Day0.PlusDays(30), Day0.PlusDays(15));

        Assert.Equal([(1, true), (2, false)], due.Select(i => (i.Action!.Value, i.IsOverdue)));
        Assert.Equal([SocialWork, MentalHealth], due.Select(i => i.Organisation!.Value));
    }

    [Fact]
    public void The_history_says_who_changed_what_and_when_and_replays_to_the_same_plan()
    {
        var plan = Drafted().PutOnWaitingList(2, "GGZ: 12 weeks", Coordinator, On(4)).AdvanceEscalation(Day0.PlusDays(4), PlanPolicy.Default, Coordinator, On(4));

        var replayed = FamilyPlan.Replay(plan.History);

        Assert.Equal(FamilyPlanProperties.Fingerprint(plan), FamilyPlanProperties.Fingerprint(replayed));
        Assert.All(plan.History, e => Assert.Equal(Coordinator, e.By));
        Assert.Equal(On(4), plan.History[^1].At);
    }

    [Fact]
    public void An_action_for_a_goal_the_plan_does_not_have_is_refused_and_the_plan_stays_as_it_was()
    {
        var plan = Drafted();

        var error = Assert.Throws<PlanChangeRefusedException>(() => plan.AgreeAction(5, ActionKind.Help, "x", SocialWork, Coordinator, Day0, Coordinator, On(1)));

        Assert.Equal("the plan has no goal #5", error.Rule);
        Assert.Equal(5, plan.Version);
    }
}
