namespace CareCoordination.Sdk.Coordination;

/// <summary>Where a coordination case (<em>casus</em>) stands; every case is in exactly one status, so none is ever lost.</summary>
/// <remarks>The allowed moves between statuses are the table in <see cref="CaseLifecycle"/>.</remarks>
public enum CaseStatus
{
    /// <summary>Tier none, and no professional has yet been named case holder (<em>casushouder</em>): the case waits for one.</summary>
    AwaitingCaseHolder = 1,

    /// <summary>Tier none: the case holder (<em>casushouder</em>) aligns the help without a separate coordinator.</summary>
    CaseHolderCoordinates,

    /// <summary>General or specialist tier without a coordinator: the case waits, with the reason why.</summary>
    AwaitingCoordinator,

    /// <summary>A coordinator (<em>zorgcoördinator</em>) from the pool coordinates the case.</summary>
    Coordinated,

    /// <summary>Coordination is handed over to youth protection (<em>overdracht</em>) while a measure or an indication lasts.</summary>
    HandedOver,

    /// <summary>The case is closed; a later concern about the family opens a new case.</summary>
    Closed,
}
