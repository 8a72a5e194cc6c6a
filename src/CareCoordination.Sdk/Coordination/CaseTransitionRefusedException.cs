namespace CareCoordination.Sdk.Coordination;

/// <summary>Thrown when a change to a case is not allowed in its status; names the status, the requested step and the rule that refused. The case is left as it was.</summary>
public sealed class CaseTransitionRefusedException : CoordinationException
{
    internal CaseTransitionRefusedException(CaseId @case, CaseStatus status, CaseTrigger trigger, string rule)
        : base(Internal.Messages.Format(CoordinationMessages.CaseTransitionRefused, @case, status, trigger, rule))
    {
        Case = @case;
        Status = status;
        Trigger = trigger;
        Rule = rule;
    }

    /// <summary>Gets the case.</summary>
    public CaseId Case { get; }

    /// <summary>Gets the status the case is in.</summary>
    public CaseStatus Status { get; }

    /// <summary>Gets the step that was requested.</summary>
    public CaseTrigger Trigger { get; }

    /// <summary>Gets the rule that refused, in words.</summary>
    public string Rule { get; }
}
