using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Plans;
using CareCoordination.Sdk.Storage;
using NodaTime;

namespace CareCoordination.Sdk.Privacy.Access;

/// <summary>
/// The family plan's changes through the door (<em>1 gezin, 1 plan</em>, R3: the case's coordinator or case holder):
/// every youth of the case gets an audit record in the change's own commit, naming what changed.
/// </summary>
public sealed partial class PersonDataAccess
{
    /// <summary>Drafts the one plan of a case (R3), by the actor as a professional of their organisation.</summary>
    /// <param name="actor">The case's coordinator or case holder.</param>
    /// <param name="case">The case; open and coordinated, or handed over to youth protection.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="AccessDeniedException">The actor does not coordinate the case; the refusal is recorded and nothing changed.</exception>
    /// <exception cref="PlanChangeRefusedException">The case already has a plan, or nobody coordinates it yet.</exception>
    public FamilyPlan DraftPlan(Actor actor, CaseId @case)
    {
        var record = CaseRecord<FamilyPlan>(actor, @case, PlanRule(actor), $"plan of {@case} drafted", null, DataCategory.Plan, AuditAction.Create);
        return _plans.InOperation(() => Recorded(_plans.Draft(@case, actor.Professional!.Value, actor.Organisation!.Value), record));
    }

    /// <summary>Drafts the plan like <see cref="DraftPlan"/>, and completes once it is durable.</summary>
    /// <param name="actor">The case's coordinator or case holder.</param>
    /// <param name="case">The case.</param>
    /// <param name="cancellationToken">Cancels the change until it is queued for its commit; then nothing changed.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="AccessDeniedException">The actor does not coordinate the case; the refusal is recorded and nothing changed.</exception>
    public Task<FamilyPlan> DraftPlanAsync(Actor actor, CaseId @case, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var record = CaseRecord<FamilyPlan>(actor, @case, PlanRule(actor), $"plan of {@case} drafted", null, DataCategory.Plan, AuditAction.Create);
        return _plans.InOperationAsync(() => Recorded(_plans.Draft(@case, actor.Professional!.Value, actor.Organisation!.Value), record), cancellationToken);
    }

    /// <summary>
    /// Changes a case's plan (R3), when it is still at the version the actor saw. The change is made by the actor: it is
    /// given the plan, the actor's professional number and the current instant, and returns the plan changed through
    /// its domain methods. The audit record names the plan's new events.
    /// </summary>
    /// <param name="actor">The case's coordinator or case holder.</param>
    /// <param name="case">The case.</param>
    /// <param name="expectedVersion">The plan's <see cref="FamilyPlan.Version"/> the actor saw.</param>
    /// <param name="change">The change, for example <c>(plan, by, at) =&gt; plan.SetGoal("school attendance", by, at)</c>.</param>
    /// <returns>The plan after the change.</returns>
    /// <exception cref="AccessDeniedException">The actor does not coordinate the case; the refusal is recorded and nothing changed.</exception>
    /// <exception cref="StaleVersionException">Someone changed the plan since; nothing was overwritten.</exception>
    /// <exception cref="PlanChangeRefusedException">The case has no plan, or the plan refused the change.</exception>
    public FamilyPlan ChangePlan(Actor actor, CaseId @case, int expectedVersion, Func<FamilyPlan, ProfessionalId, Instant, FamilyPlan> change)
    {
        var (made, record) = PlanChange(actor, @case, expectedVersion, change);
        return _plans.InOperation(() => Recorded(made(), record));
    }

    /// <summary>Changes a case's plan like <see cref="ChangePlan"/>, and completes once the change is durable.</summary>
    /// <param name="actor">The case's coordinator or case holder.</param>
    /// <param name="case">The case.</param>
    /// <param name="expectedVersion">The plan's version the actor saw.</param>
    /// <param name="change">The change.</param>
    /// <param name="cancellationToken">Cancels the change until it is queued for its commit; then nothing changed.</param>
    /// <returns>The plan after the change.</returns>
    /// <exception cref="AccessDeniedException">The actor does not coordinate the case; the refusal is recorded and nothing changed.</exception>
    /// <exception cref="StaleVersionException">Someone changed the plan since; nothing was overwritten.</exception>
    public Task<FamilyPlan> ChangePlanAsync(Actor actor, CaseId @case, int expectedVersion, Func<FamilyPlan, ProfessionalId, Instant, FamilyPlan> change, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (made, record) = PlanChange(actor, @case, expectedVersion, change);
        return _plans.InOperationAsync(() => Recorded(made(), record), cancellationToken);
    }

    private Func<CoordinationCase, AccessDecision> PlanRule(Actor actor) => current => _rules.DecideAboutCase(actor, DataCategory.Plan, current);

    // The record names the events the change added, so that a subject access shows what was changed, not only that it was.
    private (Func<FamilyPlan> Change, Action<FamilyPlan> Record) PlanChange(Actor actor, CaseId @case, int expectedVersion, Func<FamilyPlan, ProfessionalId, Instant, FamilyPlan> change)
    {
        Guard.NotNull(change);
        var before = 0;
        var record = CaseRecord<FamilyPlan>(actor, @case, PlanRule(actor), $"plan of {@case} changed", next => string.Join(", ", next.History.Skip(before).Select(e => e.GetType().Name)), DataCategory.Plan, AuditAction.Update);
        return (() => _plans.Change(@case, expectedVersion, (plan, at) =>
        {
            before = plan.Version;
            return change(plan, actor.Professional!.Value, at);
        }), record);
    }
}
