namespace CareCoordination.Sdk.Plans;

/// <summary>What falls due in a family plan.</summary>
public enum PlanDueKind
{
    /// <summary>An agreed action.</summary>
    Action = 1,

    /// <summary>The deadline of the escalation rung the plan is on.</summary>
    EscalationDeadline,

    /// <summary>A provider's deadline under an enforcement order.</summary>
    EnforcementOrder,
}
