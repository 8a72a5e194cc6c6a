using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Organisations;
using NodaTime;
using static System.FormattableString;

namespace CareCoordination.Sdk.Plans;

/// <summary>
/// The family plan (<em>gezinsplan</em>, <em>1 gezin, 1 plan</em>) of a coordination case: goals, actions with an owner
/// and a due date, agreements between the organisations, the parents' and the youth's agreement, reviews — and the
/// escalation ladder (<em>opschaling</em>) when the plan stalls.
/// </summary>
/// <remarks>
/// Immutable and thread-safe: every domain method returns a new plan with one more event in <see cref="History"/>, and
/// <see cref="Replay"/> rebuilds the same plan from that history. A refused change throws
/// <see cref="PlanChangeRefusedException"/> (or <see cref="ArgumentException"/> for bad input) and returns nothing.
/// </remarks>
public sealed class FamilyPlan
{
    private FamilyPlan(PlanDrafted drafted)
    {
        Case = drafted.Plan;
        DraftedBy = drafted.By;
        CoordinatorOrganisation = drafted.CoordinatorOrganisation;
        TimeZone = drafted.TimeZone;
        Goals = [];
        Actions = [];
        Agreements = [];
        FamilyAgreement = ImmutableSortedDictionary<FamilyMember, Instant>.Empty;
        Refusals = ImmutableSortedDictionary<FamilyMember, Instant>.Empty;
        History = [drafted];
    }

    /// <summary>Gets the case the plan belongs to; one plan per case.</summary>
    public CaseId Case { get; }

    /// <summary>Gets the coordinator or case holder who drafted it.</summary>
    public ProfessionalId DraftedBy { get; }

    /// <summary>Gets the organisation of the coordinator or case holder.</summary>
    public OrganisationId CoordinatorOrganisation { get; }

    /// <summary>Gets the time zone of the plan's dates.</summary>
    public DateTimeZone TimeZone { get; }

    /// <summary>Gets the goals.</summary>
    public IReadOnlyList<PlanGoal> Goals { get; private set; }

    /// <summary>Gets the actions.</summary>
    public IReadOnlyList<PlanAction> Actions { get; private set; }

    /// <summary>Gets the agreements between the organisations.</summary>
    public IReadOnlyList<AgreementMade> Agreements { get; private set; }

    /// <summary>Gets when the parents and the youth agreed to the plan.</summary>
    public IReadOnlyDictionary<FamilyMember, Instant> FamilyAgreement { get; private set; }

    /// <summary>Gets who in the family refuses further cooperation, and since when.</summary>
    public IReadOnlyDictionary<FamilyMember, Instant> Refusals { get; private set; }

    /// <summary>Gets the changed circumstances or new crisis not yet addressed by a review, if any.</summary>
    public CircumstancesChanged? UnaddressedChange { get; private set; }

    /// <summary>Gets the rung of the escalation ladder the plan is on.</summary>
    public EscalationLevel Escalation { get; private set; }

    /// <summary>Gets by when the current rung must resolve the stagnation, while escalated.</summary>
    public LocalDate? EscalationDeadline { get; private set; }

    /// <summary>Gets the enforcement orders the municipality gave (<em>doorzettingsmacht</em>).</summary>
    public IReadOnlyList<EnforcementOrder> EnforcementOrders { get; private set; } = [];

    /// <summary>Gets a value indicating whether the plan was ever escalated.</summary>
    public bool WasEverEscalated { get; private set; }

    /// <summary>Gets every event, oldest first: who changed what, when.</summary>
    public IReadOnlyList<PlanEvent> History { get; private set; }

    /// <summary>Gets the number of events, for optimistic concurrency.</summary>
    public int Version => History.Count;

    /// <summary>Drafts the plan of a case.</summary>
    /// <param name="case">The case.</param>
    /// <param name="by">The coordinator or case holder who drafts it.</param>
    /// <param name="organisation">Their organisation.</param>
    /// <param name="zone">The time zone of the plan's dates (Europe/Amsterdam).</param>
    /// <param name="at">When.</param>
    /// <returns>The plan.</returns>
    public static FamilyPlan Draft(CaseId @case, ProfessionalId by, OrganisationId organisation, DateTimeZone zone, Instant at) =>
        new(new PlanDrafted(Guard.NotDefault(@case), at, Guard.NotDefault(by), Guard.NotDefault(organisation), Guard.NotNull(zone)));

    /// <summary>Rebuilds a plan from its events.</summary>
    /// <param name="history">The events, oldest first; the first drafts the plan.</param>
    /// <returns>The plan.</returns>
    public static FamilyPlan Replay(IEnumerable<PlanEvent> history)
    {
        using var events = Guard.NotNull(history).GetEnumerator();
        if (!events.MoveNext() || events.Current is not PlanDrafted drafted)
        {
            throw new ArgumentException("A plan's history starts with the event that drafted it.", nameof(history));
        }

        var plan = new FamilyPlan(drafted);
        while (events.MoveNext())
        {
            plan = plan.Apply(Guard.NotNull(events.Current, nameof(history)));
        }

        return plan;
    }

    /// <summary>Sets a goal for the family.</summary>
    /// <param name="description">The goal.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <returns>The new plan.</returns>
    public FamilyPlan SetGoal(string description, ProfessionalId by, Instant at) =>
        Apply(new GoalSet(Case, at, Guard.NotDefault(by), Goals.Count + 1, Guard.NotBlank(description)));

    /// <summary>Agrees an action: who does what for which goal, by when.</summary>
    /// <param name="goal">The goal's number.</param>
    /// <param name="kind">Help, or feedback to the others.</param>
    /// <param name="description">What.</param>
    /// <param name="owner">The owning organisation.</param>
    /// <param name="professional">Who does it.</param>
    /// <param name="due">By when.</param>
    /// <param name="by">Who recorded the agreement.</param>
    /// <param name="at">When.</param>
    /// <returns>The new plan.</returns>
    public FamilyPlan AgreeAction(int goal, ActionKind kind, string description, OrganisationId owner, ProfessionalId professional, LocalDate due, ProfessionalId by, Instant at) =>
        Apply(new ActionAgreed(Case, at, Guard.NotDefault(by), new PlanAction(Actions.Count + 1, goal, kind, Guard.NotBlank(description), Guard.NotDefault(owner), Guard.NotDefault(professional), due, ActionStatus.Agreed, null)));

    /// <summary>Records that an action was done.</summary>
    /// <param name="action">The action's number.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <returns>The new plan.</returns>
    public FamilyPlan CompleteAction(int action, ProfessionalId by, Instant at) => Apply(new ActionCompleted(Case, at, Guard.NotDefault(by), action));

    /// <summary>Records that a waiting list blocks an action.</summary>
    /// <param name="action">The action's number.</param>
    /// <param name="reason">The waiting list.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <returns>The new plan.</returns>
    public FamilyPlan PutOnWaitingList(int action, string reason, ProfessionalId by, Instant at) =>
        Apply(new ActionOnWaitingList(Case, at, Guard.NotDefault(by), action, Guard.NotBlank(reason)));

    /// <summary>Records that the waiting list no longer blocks an action, with its new due date.</summary>
    /// <param name="action">The action's number.</param>
    /// <param name="newDue">The new due date.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <returns>The new plan.</returns>
    public FamilyPlan Unblock(int action, LocalDate newDue, ProfessionalId by, Instant at) => Apply(new ActionUnblocked(Case, at, Guard.NotDefault(by), action, newDue));

    /// <summary>Records an agreement between the organisations.</summary>
    /// <param name="text">What was agreed.</param>
    /// <param name="parties">The organisations; at least two.</param>
    /// <param name="by">Who.</param>
    /// <param name="at">When.</param>
    /// <returns>The new plan.</returns>
    public FamilyPlan RecordAgreement(string text, IEnumerable<OrganisationId> parties, ProfessionalId by, Instant at)
    {
        var list = Guard.NotNull(parties).Distinct().Order().ToArray();
        return list.Length < 2 || list.Any(p => p.IsDefault)
            ? throw new ArgumentException("An agreement between organisations names at least two of them.", nameof(parties))
            : Apply(new AgreementMade(Case, at, Guard.NotDefault(by), Guard.NotBlank(text), list));
    }

    /// <summary>Records that the parents or the youth agreed to the plan.</summary>
    /// <param name="member">Who.</param>
    /// <param name="by">The professional who recorded it.</param>
    /// <param name="at">When.</param>
    /// <returns>The new plan.</returns>
    public FamilyPlan RecordFamilyAgreement(FamilyMember member, ProfessionalId by, Instant at) => Apply(new FamilyAgreed(Case, at, Guard.NotDefault(by), Defined(member)));

    /// <summary>Records that a family member refuses further cooperation.</summary>
    /// <param name="member">Who.</param>
    /// <param name="note">What the professional noted.</param>
    /// <param name="by">The professional.</param>
    /// <param name="at">When.</param>
    /// <returns>The new plan.</returns>
    public FamilyPlan RecordRefusal(FamilyMember member, string note, ProfessionalId by, Instant at) =>
        Apply(new CooperationRefused(Case, at, Guard.NotDefault(by), Defined(member), Guard.NotBlank(note)));

    /// <summary>Records that a family member cooperates again.</summary>
    /// <param name="member">Who.</param>
    /// <param name="by">The professional.</param>
    /// <param name="at">When.</param>
    /// <returns>The new plan.</returns>
    public FamilyPlan RecordCooperationResumed(FamilyMember member, ProfessionalId by, Instant at) => Apply(new CooperationResumed(Case, at, Guard.NotDefault(by), Defined(member)));

    /// <summary>Records changed circumstances or a new crisis; the plan stalls until a review adjusts it.</summary>
    /// <param name="description">What changed.</param>
    /// <param name="severeThreat">Whether it severely threatens the child, which calls the municipality in at once.</param>
    /// <param name="by">The professional.</param>
    /// <param name="at">When.</param>
    /// <returns>The new plan.</returns>
    public FamilyPlan RecordChangedCircumstances(string description, bool severeThreat, ProfessionalId by, Instant at) =>
        Apply(new CircumstancesChanged(Case, at, Guard.NotDefault(by), Guard.NotBlank(description), severeThreat));

    /// <summary>Reviews the plan: progress per goal, goals reached; the review also adjusts the plan to changed circumstances.</summary>
    /// <param name="progress">The progress per goal number.</param>
    /// <param name="reached">The goals reached.</param>
    /// <param name="by">The professional.</param>
    /// <param name="at">When.</param>
    /// <returns>The new plan.</returns>
    public FamilyPlan Review(IReadOnlyDictionary<int, string> progress, IEnumerable<int> reached, ProfessionalId by, Instant at) =>
        Apply(new PlanReviewed(Case, at, Guard.NotDefault(by), Guard.NotNull(progress).ToImmutableSortedDictionary(), [.. Guard.NotNull(reached).Distinct().Order()]));

    /// <summary>
    /// Lists why the plan stalls on a day: overdue help (an agreement not kept) or feedback past the grace period, a
    /// waiting list, an unaddressed change or crisis, a family member's refusal. Empty when the plan moves.
    /// </summary>
    /// <param name="today">The day.</param>
    /// <param name="policy">The grace period.</param>
    /// <returns>The stagnations, one per cause.</returns>
    public IReadOnlyList<Stagnation> DetectStagnation(LocalDate today, PlanPolicy policy)
    {
        Guard.NotNull(policy);
        var result = new List<Stagnation>();
        foreach (var (cause, kind) in new[] { (StagnationCause.AgreementNotKept, ActionKind.Help), (StagnationCause.FeedbackNotGiven, ActionKind.Feedback) })
        {
            var late = Actions.Where(a => a.Kind == kind && a.Status == ActionStatus.Agreed && a.Due.Plus(policy.GracePeriod) < today).ToArray();
            if (late.Length > 0)
            {
                result.Add(new Stagnation(cause, [.. late.Select(a => a.Number)], late.Min(a => a.Due.Plus(policy.GracePeriod)).PlusDays(1), Messages.Format(kind == ActionKind.Help ? PlanMessages.StagnationOverdueActions : PlanMessages.StagnationOverdueFeedback, late.Length, policy.GracePeriod.Days, string.Join(", ", late.Select(a => Messages.Format(PlanMessages.OverdueAction, a.Number, a.Owner, a.Due))))));
            }
        }

        var waiting = Actions.Where(a => a.Status == ActionStatus.WaitingList).ToArray();
        if (waiting.Length > 0)
        {
            var since = History.OfType<ActionOnWaitingList>().Where(e => waiting.Any(a => a.Number == e.Number)).Min(e => e.At);
            result.Add(new Stagnation(StagnationCause.WaitingList, [.. waiting.Select(a => a.Number)], DateOf(since), Messages.Format(PlanMessages.StagnationWaitingList, string.Join(", ", waiting.Select(a => $"#{a.Number} ({a.WaitingListReason})")))));
        }

        if (UnaddressedChange is { } change)
        {
            result.Add(new Stagnation(StagnationCause.ChangedCircumstances, [], DateOf(change.At), Messages.Format(change.SevereThreat ? PlanMessages.SevereThreat : PlanMessages.CircumstancesChanged, change.Description)));
        }

        if (Refusals.Count > 0)
        {
            result.Add(new Stagnation(StagnationCause.FamilyRefusesCooperation, [], DateOf(Refusals.Values.Min()), Messages.Format(PlanMessages.StagnationRefusal, string.Join(PlanMessages.ListAnd, Refusals.Keys))));
        }

        return result;
    }

    /// <summary>
    /// Moves the plan on the escalation ladder as the day requires, one step: a stalled plan that is not escalated goes
    /// to its executors; a rung whose deadline passed while the plan still stalls passes it up; a severe threat goes
    /// to the municipality at once; a plan that moves again de-escalates. Returns this plan when no step is due.
    /// </summary>
    /// <param name="today">The day.</param>
    /// <param name="policy">The grace period and each rung's period.</param>
    /// <param name="by">Who checks (the coordinator, or the system's service account).</param>
    /// <param name="at">When.</param>
    /// <returns>The plan after the step, or this plan.</returns>
    public FamilyPlan AdvanceEscalation(LocalDate today, PlanPolicy policy, ProfessionalId by, Instant at)
    {
        var stagnation = DetectStagnation(today, policy);
        EscalationTrigger? trigger = stagnation.Count == 0
            ? (Escalation == EscalationLevel.None ? null : EscalationTrigger.PlanMoves)
            : UnaddressedChange is { SevereThreat: true } && Escalation < EscalationLevel.Municipality ? EscalationTrigger.SevereThreat
            : Escalation == EscalationLevel.None ? EscalationTrigger.Stall
            : Escalation < EscalationLevel.Municipality && EscalationDeadline < today ? EscalationTrigger.DeadlinePassed
            : null;
        if (trigger is not { } step)
        {
            return this;
        }

        EscalationLadder.TryStep(Escalation, step, out var to);
        var reason = step == EscalationTrigger.PlanMoves ? PlanMessages.EscalationPlanMoves : string.Join(" ", stagnation.Select(s => s.Description));
        LocalDate? deadline = to == EscalationLevel.None ? null : today.Plus(Guard.NotNull(policy).PeriodFor(to));
        return Apply(new EscalationStepped(Case, at, Guard.NotDefault(by), Escalation, to, step, deadline, reason));
    }

    /// <summary>Records the municipality's enforcement order (<em>doorzettingsmacht</em>); only a plan escalated to the municipality can get one.</summary>
    /// <param name="order">The order.</param>
    /// <param name="by">The municipal official who records it.</param>
    /// <param name="at">When.</param>
    /// <returns>The new plan.</returns>
    public FamilyPlan OrderEnforcement(EnforcementOrder order, ProfessionalId by, Instant at) => Apply(new EnforcementOrdered(Case, at, Guard.NotDefault(by), Guard.NotNull(order)));

    /// <summary>Lists what falls due by a day: open actions with their owners, the escalation deadline, and enforcement orders.</summary>
    /// <param name="until">The last day to include.</param>
    /// <param name="today">The day that decides what is overdue.</param>
    /// <returns>The items, earliest first.</returns>
    public IReadOnlyList<PlanDueItem> GetDueItems(LocalDate until, LocalDate today)
    {
        var items = new List<PlanDueItem>();
        items.AddRange(Actions.Where(a => a.Status == ActionStatus.Agreed && a.Due <= until)
            .Select(a => new PlanDueItem(Case, PlanDueKind.Action, a.Number, a.Owner, a.Professional, a.Due, a.Due < today, a.Description)));
        if (EscalationDeadline is { } deadline && deadline <= until)
        {
            items.Add(new PlanDueItem(Case, PlanDueKind.EscalationDeadline, null, Escalation == EscalationLevel.Municipality ? null : CoordinatorOrganisation, null, deadline, deadline < today, Messages.Format(PlanMessages.DueEscalationDeadline, Escalation)));
        }

        items.AddRange(EnforcementOrders.Where(o => o.By <= until && Escalation == EscalationLevel.Municipality)
            .Select(o => new PlanDueItem(Case, PlanDueKind.EnforcementOrder, null, o.Provider, null, o.By, o.By < today, o.Ordered)));
        return [.. items.OrderBy(i => i.Due).ThenBy(i => i.Kind)];
    }

    /// <inheritdoc/>
    public override string ToString() => Invariant($"Plan of {Case}: {Goals.Count} goals, {Actions.Count} actions, escalation {Escalation}");

    private static FamilyMember Defined(FamilyMember member) =>
        Enum.IsDefined(member) ? member : throw new ArgumentOutOfRangeException(nameof(member), member, "The family member is not defined.");

    private LocalDate DateOf(Instant instant) => instant.InZone(TimeZone).Date;

    private PlanChangeRefusedException Refuse(string step, string rule) => new(Case, Escalation, step, rule);

    private PlanAction ActionNumbered(int number, string step) =>
        number >= 1 && number <= Actions.Count ? Actions[number - 1] : throw Refuse(step, Messages.Format(PlanMessages.RuleNoSuchAction, number));

    private FamilyPlan Apply(PlanEvent e)
    {
        if (e.Plan != Case)
        {
            throw new ArgumentException($"The event belongs to the plan of {e.Plan}, not of {Case}.", nameof(e));
        }

        var next = (FamilyPlan)MemberwiseClone();
        next.History = [.. History, e];
        switch (e)
        {
            case GoalSet goal:
                next.Goals = [.. Goals, new PlanGoal(goal.Number, goal.Description, false, null)];
                break;
            case ActionAgreed agreed when agreed.Action.Goal < 1 || agreed.Action.Goal > Goals.Count:
                throw Refuse(PlanMessages.StepAgreeingAnAction, Messages.Format(PlanMessages.RuleNoSuchGoal, agreed.Action.Goal));
            case ActionAgreed agreed:
                next.Actions = [.. Actions, agreed.Action];
                break;
            case ActionCompleted completed:
                next.Actions = Replace(ActionNumbered(completed.Number, PlanMessages.StepCompletingAnAction) is { Status: not ActionStatus.Done } a ? a with { Status = ActionStatus.Done, WaitingListReason = null } : throw Refuse(PlanMessages.StepCompletingAnAction, Messages.Format(PlanMessages.RuleActionAlreadyDone, completed.Number)));
                break;
            case ActionOnWaitingList blocked:
                next.Actions = Replace(ActionNumbered(blocked.Number, PlanMessages.StepPuttingOnWaitingList) is { Status: ActionStatus.Agreed } b ? b with { Status = ActionStatus.WaitingList, WaitingListReason = blocked.Reason } : throw Refuse(PlanMessages.StepPuttingOnWaitingList, Messages.Format(PlanMessages.RuleActionNotOpen, blocked.Number)));
                break;
            case ActionUnblocked unblocked:
                next.Actions = Replace(ActionNumbered(unblocked.Number, PlanMessages.StepUnblockingAnAction) is { Status: ActionStatus.WaitingList } u ? u with { Status = ActionStatus.Agreed, WaitingListReason = null, Due = unblocked.NewDue } : throw Refuse(PlanMessages.StepUnblockingAnAction, Messages.Format(PlanMessages.RuleActionNotWaiting, unblocked.Number)));
                break;
            case AgreementMade agreement:
                next.Agreements = [.. Agreements, agreement];
                break;
            case FamilyAgreed agreed:
                next.FamilyAgreement = FamilyAgreement.ToImmutableSortedDictionary().SetItem(agreed.Member, agreed.At);
                break;
            case CooperationRefused refused:
                next.Refusals = Refusals.ToImmutableSortedDictionary().SetItem(refused.Member, refused.At);
                break;
            case CooperationResumed resumed when Refusals.ContainsKey(resumed.Member):
                next.Refusals = Refusals.ToImmutableSortedDictionary().Remove(resumed.Member);
                break;
            case CooperationResumed resumed:
                throw Refuse(PlanMessages.StepResumingCooperation, Messages.Format(PlanMessages.RuleDidNotRefuse, resumed.Member));
            case CircumstancesChanged changed:
                next.UnaddressedChange = changed;
                break;
            case PlanReviewed reviewed:
                if (reviewed.Progress.Keys.Concat(reviewed.Reached).Any(g => g < 1 || g > Goals.Count))
                {
                    throw Refuse(PlanMessages.StepReviewing, PlanMessages.RuleReviewNamesUnknownGoal);
                }

                next.Goals = [.. Goals.Select(g => g with
                {
                    Progress = reviewed.Progress.TryGetValue(g.Number, out var progress) ? progress : g.Progress,
                    Reached = g.Reached || reviewed.Reached.Contains(g.Number),
                })];
                next.UnaddressedChange = null;
                break;
            case EscalationStepped stepped:
                if (stepped.From != Escalation || !EscalationLadder.TryStep(Escalation, stepped.Trigger, out var to) || to != stepped.To)
                {
                    throw Refuse(Messages.Format(PlanMessages.StepEscalation, stepped.Trigger, stepped.To), Messages.Format(PlanMessages.RuleLadderAllowsOnly, string.Join(", ", EscalationLadder.TriggersFrom(Escalation)), Escalation));
                }

                next.Escalation = stepped.To;
                next.EscalationDeadline = stepped.Deadline;
                next.WasEverEscalated = WasEverEscalated || stepped.To != EscalationLevel.None;
                break;
            case EnforcementOrdered ordered when Escalation == EscalationLevel.Municipality:
                next.EnforcementOrders = [.. EnforcementOrders, ordered.Order];
                break;
            case EnforcementOrdered:
                throw Refuse(PlanMessages.StepEnforcementOrder, PlanMessages.RuleEnforcementOnlyAtMunicipality);
            default:
                throw new ArgumentException($"{e.GetType().Name} cannot be applied to a plan that is already drafted.", nameof(e));
        }

        return next;

        IReadOnlyList<PlanAction> Replace(PlanAction changed) => [.. Actions.Select(a => a.Number == changed.Number ? changed : a)];
    }
}
