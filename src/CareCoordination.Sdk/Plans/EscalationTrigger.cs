namespace CareCoordination.Sdk.Plans;

/// <summary>What moves a plan on the escalation ladder.</summary>
public enum EscalationTrigger
{
    /// <summary>The plan stalls while not escalated.</summary>
    Stall = 1,

    /// <summary>The rung's deadline passed and the plan still stalls.</summary>
    DeadlinePassed,

    /// <summary>A severe threat to the child: the municipality is called in at once, skipping rungs.</summary>
    SevereThreat,

    /// <summary>The plan moves again: no stagnation remains (<em>afschaling</em>).</summary>
    PlanMoves,
}
