namespace CareCoordination.Sdk.Plans;

/// <summary>The rungs of the escalation ladder (<em>opschaling</em>); a higher value is a higher rung.</summary>
public enum EscalationLevel
{
    /// <summary>Not escalated: the plan moves.</summary>
    None = 0,

    /// <summary>The plan's executors act on the stagnation themselves (<em>uitvoerders</em>).</summary>
    Executors,

    /// <summary>The managers or boards of the organisations involved (<em>management, bestuur</em>).</summary>
    Management,

    /// <summary>The municipality, which can use its enforcement power (<em>doorzettingsmacht</em>).</summary>
    Municipality,
}
