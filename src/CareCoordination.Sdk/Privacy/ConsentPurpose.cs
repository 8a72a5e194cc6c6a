namespace CareCoordination.Sdk.Privacy;

/// <summary>What a consent is for; sharing is purpose-bound (<em>doelbinding</em>).</summary>
public enum ConsentPurpose
{
    /// <summary>Coordinating the help: the coordinator may see the involved organisations' details about the youth.</summary>
    Coordination = 1,

    /// <summary>Sharing the family plan with the named organisations.</summary>
    SharePlan,
}
