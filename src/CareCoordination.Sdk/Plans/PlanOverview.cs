using System.Collections.Generic;

namespace CareCoordination.Sdk.Plans;

/// <summary>What the family plans yield, for the coordination director: aggregates only, no BSN.</summary>
/// <param name="Plans">Plans drafted.</param>
/// <param name="PlansCompleted">Plans whose every goal is reached.</param>
/// <param name="Goals">Goals set, over all plans.</param>
/// <param name="GoalsReached">Goals reached, over all plans.</param>
/// <param name="PlansPerEscalationLevel">Plans per rung of the ladder they are on now.</param>
/// <param name="PlansEverEscalated">Plans escalated at least once.</param>
/// <param name="EnforcementOrders">Enforcement orders the municipality gave.</param>
/// <param name="ClosedCasesWithoutEscalation">Closed cases whose plan was never escalated, or that had no plan.</param>
/// <param name="ClosedCases">Closed cases.</param>
public sealed record PlanOverview(
    int Plans,
    int PlansCompleted,
    int Goals,
    int GoalsReached,
    IReadOnlyDictionary<EscalationLevel, int> PlansPerEscalationLevel,
    int PlansEverEscalated,
    int EnforcementOrders,
    int ClosedCasesWithoutEscalation,
    int ClosedCases);
