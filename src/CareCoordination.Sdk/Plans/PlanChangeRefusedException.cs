using CareCoordination.Sdk.Coordination;

namespace CareCoordination.Sdk.Plans;

/// <summary>Thrown when a change to a family plan is not allowed; names the plan, the escalation rung it is on, the requested step and the rule that refused. The plan is left as it was.</summary>
public sealed class PlanChangeRefusedException : CoordinationException
{
    internal PlanChangeRefusedException(CaseId plan, EscalationLevel level, string step, string rule)
        : base(Internal.Messages.Format(PlanMessages.PlanChangeRefused, plan, level, step, rule))
    {
        Plan = plan;
        Level = level;
        Step = step;
        Rule = rule;
    }

    /// <summary>Gets the plan (the case it belongs to).</summary>
    public CaseId Plan { get; }

    /// <summary>Gets the rung the plan is on.</summary>
    public EscalationLevel Level { get; }

    /// <summary>Gets the step that was requested.</summary>
    public string Step { get; }

    /// <summary>Gets the rule that refused.</summary>
    public string Rule { get; }
}
