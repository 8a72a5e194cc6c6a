namespace CareCoordination.Sdk.Coordination;

/// <summary>What happens to a coordination case; each trigger moves the case along <see cref="CaseLifecycle"/>.</summary>
public enum CaseTrigger
{
    /// <summary>Another intake route reaches the case (<em>meldroute</em>).</summary>
    JoinIntake = 1,

    /// <summary>A professional is named case holder (<em>casushouder</em>).</summary>
    NameCaseHolder,

    /// <summary>The tier rises from none to general or specialist coordination.</summary>
    RaiseToCoordination,

    /// <summary>The tier moves between general and specialist coordination.</summary>
    ChangeCoordinatedTier,

    /// <summary>The tier falls back to none: the case holder aligns the help again.</summary>
    LowerToNone,

    /// <summary>A coordinator from the pool takes the case.</summary>
    AssignCoordinator,

    /// <summary>Nobody in the pool can take the case now; it keeps waiting with the reason.</summary>
    DeferAssignment,

    /// <summary>The coordinator lets go of the case: reassignment, leaving the pool, or no longer qualified for its tier.</summary>
    ReleaseCoordinator,

    /// <summary>Coordination is handed over to youth protection (<em>overdracht</em>).</summary>
    HandOver,

    /// <summary>Youth protection informs another involved organisation (<em>terugkoppeling</em>).</summary>
    RecordFeedback,

    /// <summary>The measure or indication ended and coordination comes back.</summary>
    Return,

    /// <summary>Hours spent on coordinating the case are recorded.</summary>
    RecordHours,

    /// <summary>The case is closed with its outcome.</summary>
    Close,
}
