namespace CareCoordination.Sdk.Signals;

/// <summary>Why a signal left the active index or the historical archive (Jeugdwet art. 7.1.4.5–7.1.4.6).</summary>
public enum SignalEndReason
{
    /// <summary>The reporting organisation judged that the signal was not justified: removed outright, never archived.</summary>
    Unjustified = 1,

    /// <summary>The reporting organisation judged that the risk is gone: moved to the historical archive.</summary>
    RiskGone,

    /// <summary>The youth's or parents' objection was upheld: removed outright, never archived.</summary>
    ObjectionUpheld,

    /// <summary>The active period ended: moved to the historical archive.</summary>
    ActivePeriodEnded,

    /// <summary>The youth reached the age limit: removed.</summary>
    AgeLimitReached,

    /// <summary>The youth died: removed.</summary>
    YouthDeceased,

    /// <summary>The archive period ended: deleted from the historical archive.</summary>
    ArchivePeriodEnded,

    /// <summary>
    /// The youth, known by a substitute number, got a BSN that already carried the same organisation's signal; the
    /// one registered or renewed later stays and this one is removed as its duplicate, never archived.
    /// </summary>
    MergedOnIdentification,

    /// <summary>A granted erasure request of the youth or parents: removed, never archived.</summary>
    ErasureRequested,

    /// <summary>The youth's or parents' correction request was upheld (the signal is about the wrong youth, or its data are wrong): removed, never archived.</summary>
    CorrectionUpheld,
}
