using System;
using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Plans;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;
using static CareCoordination.Sdk.Tests.Plans.PlanScenario;

namespace CareCoordination.Sdk.Tests.Plans;

public sealed class FamilyPlanProperties
{
    [Property(MaxTest = 300)]
    public void The_ladder_rises_one_rung_at_a_time_while_the_plan_stalls_and_skips_only_for_a_severe_threat(NonEmptyArray<(byte Kind, byte Argument)> operations) =>
        Run(operations, (before, after, today) =>
        {
            foreach (var stepped in after.History.Skip(before.Version).OfType<EscalationStepped>())
            {
                var stalled = before.DetectStagnation(today, PlanPolicy.Default).Count > 0;
                if (stepped.To > stepped.From)
                {
                    PropertyCheck.That(stalled, "the plan climbed while it moved");
                    PropertyCheck.That(stepped.To == stepped.From + 1 || (stepped.Trigger == EscalationTrigger.SevereThreat && before.UnaddressedChange is { SevereThreat: true }), "a rung was skipped without a severe threat");
                }
                else
                {
                    PropertyCheck.That(!stalled && stepped.To == EscalationLevel.None, "the plan came down while it still stalled");
                }
            }
        });

    [Property(MaxTest = 300)]
    public void A_plan_with_no_overdue_or_blocked_action_no_open_crisis_and_no_refusal_is_not_stalled(NonEmptyArray<(byte Kind, byte Argument)> operations) =>
        Run(operations, (_, plan, today) =>
        {
            var open = plan.Actions.Where(a => a.Status != ActionStatus.Done).ToArray();
            if (open.All(a => a.Status == ActionStatus.Agreed && a.Due.Plus(PlanPolicy.Default.GracePeriod) >= today) && plan.UnaddressedChange is null && plan.Refusals.Count == 0)
            {
                PropertyCheck.That(plan.DetectStagnation(today, PlanPolicy.Default).Count == 0, "a plan with nothing overdue or blocked stalls");
            }
        });

    [Property(MaxTest = 300)]
    public void Replaying_a_plans_events_rebuilds_the_same_plan(NonEmptyArray<(byte Kind, byte Argument)> operations) =>
        Run(operations, (_, plan, _) => PropertyCheck.That(Fingerprint(FamilyPlan.Replay(plan.History)) == Fingerprint(plan), "replaying the events gives another plan"));

    internal static string Fingerprint(FamilyPlan p) => string.Join(
        "|",
        p.Case,
        string.Join(";", p.Goals),
        string.Join(";", p.Actions),
        p.Agreements.Count,
        string.Join(";", p.FamilyAgreement),
        string.Join(";", p.Refusals),
        p.UnaddressedChange,
        p.Escalation,
        p.EscalationDeadline,
        string.Join(";", p.EnforcementOrders),
        p.WasEverEscalated,
        p.Version);

    private static void Run(NonEmptyArray<(byte Kind, byte Argument)> operations, Action<FamilyPlan, FamilyPlan, LocalDate> check)
    {
        var (plan, day) = (Drafted(), 0);
        foreach (var (kind, argument) in operations.Get)
        {
            day += argument % 6;
            var before = plan;
            plan = Step(plan, kind % 9, argument, day);
            check(before, plan, Day0.PlusDays(day));
        }
    }

    private static FamilyPlan Step(FamilyPlan plan, int kind, byte argument, int day)
    {
        var at = On(day);
        var today = Day0.PlusDays(day);
        var action = 1 + (argument % Math.Max(1, plan.Actions.Count));
        try
        {
            return kind switch
            {
                0 => plan.AgreeAction(1, (argument & 1) == 0 ? ActionKind.Help : ActionKind.Feedback, "Another action", SocialWork, Coordinator, today.PlusDays(argument % 20), Coordinator, at),
                1 => plan.CompleteAction(action, Coordinator, at),
                2 => plan.PutOnWaitingList(action, "waiting list", Coordinator, at),
                3 => plan.Unblock(action, today.PlusDays(argument % 30), Coordinator, at),
                4 => plan.RecordChangedCircumstances("crisis", (argument & 3) == 0, Coordinator, at),
                5 => plan.Review(new Dictionary<int, string> { [1] = "progress" }, [], Coordinator, at),
                6 => (argument & 1) == 0 ? plan.RecordRefusal(FamilyMember.Youth, "refuses", Coordinator, at) : plan.RecordCooperationResumed(FamilyMember.Youth, Coordinator, at),
                _ => plan.AdvanceEscalation(today, PlanPolicy.Default, Coordinator, at),
            };
        }
        catch (PlanChangeRefusedException)
        {
            return plan;
        }
    }
}
