namespace CareCoordination.Sdk.Signals;

/// <summary>Why a reporting organisation withdraws its own signal (<em>signaal intrekken</em>).</summary>
public enum WithdrawalReason
{
    /// <summary>The signal was not justified: it is removed outright, never archived.</summary>
    Unjustified = 1,

    /// <summary>The risk is gone: the signal moves to the historical archive.</summary>
    RiskGone,

    /// <summary>An objection by the youth or parents was upheld: the signal is removed outright, never archived.</summary>
    ObjectionUpheld,

    /// <summary>The youth or parents asked for erasure (AVG art. 17) and the request was granted: removed outright, never archived.</summary>
    ErasureRequested,

    /// <summary>
    /// A correction request (<em>correctieverzoek</em>) of the youth or parents was upheld: the signal is about the wrong
    /// youth, or its data are wrong, and a signal holds nothing that could be corrected in place; removed outright, never archived.
    /// </summary>
    CorrectionUpheld,
}
