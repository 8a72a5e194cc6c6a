namespace CareCoordination.Sdk.Logbook;

/// <summary>What a reporter did, or had done to it, in the reference index: one kind of <see cref="LogbookEntry"/> (<em>logboek</em>).</summary>
public enum LogbookEvent
{
    /// <summary>The reporter registered a signal (<em>signaal afgegeven</em>).</summary>
    Signalled = 1,

    /// <summary>The reporter signalled again while its signal was active, renewing it.</summary>
    Renewed,

    /// <summary>The reporter withdrew its signal.</summary>
    Withdrawn,

    /// <summary>The signal was removed from the index (withdrawn as unjustified, after an objection or an erasure request, or at the end of its archive period).</summary>
    Removed,

    /// <summary>The reporter was notified of a match (<em>matchbericht ontvangen</em>).</summary>
    Notified,
}
