using System.Collections.Generic;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Plans;
using NodaTime;

namespace CareCoordination.Sdk.Client;

/// <summary>A family plan (<em>gezinsplan</em>) as its coordinator or case holder sees it.</summary>
/// <param name="Case">The case the plan belongs to.</param>
/// <param name="Version">The plan's version, for the next change's <c>expectedVersion</c>.</param>
/// <param name="Escalation">The rung of the escalation ladder the plan is on.</param>
/// <param name="EscalationDeadline">When the rung's period ends, if escalated.</param>
/// <param name="Goals">The goals.</param>
/// <param name="Actions">The agreed actions.</param>
/// <param name="EnforcementOrders">The municipality's enforcement orders (<em>doorzettingsmacht</em>).</param>
public sealed record PlanSummary(
    CaseId Case,
    int Version,
    EscalationLevel Escalation,
    LocalDate? EscalationDeadline,
    IReadOnlyList<PlanGoal> Goals,
    IReadOnlyList<PlanAction> Actions,
    IReadOnlyList<EnforcementOrder> EnforcementOrders);
