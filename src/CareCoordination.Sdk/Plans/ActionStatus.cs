namespace CareCoordination.Sdk.Plans;

/// <summary>Where an agreed action of a family plan stands (<em>status van een actie</em>).</summary>
public enum ActionStatus
{
    /// <summary>Agreed and not yet done.</summary>
    Agreed = 1,

    /// <summary>Blocked by a waiting list (<em>wachtlijst</em>) at the owning organisation.</summary>
    WaitingList,

    /// <summary>Done.</summary>
    Done,
}
