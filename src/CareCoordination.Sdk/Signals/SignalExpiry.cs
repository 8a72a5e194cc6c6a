namespace CareCoordination.Sdk.Signals;

/// <summary>Why an active signal will leave the index on its expiry date, and where it goes then.</summary>
public enum SignalExpiry
{
    /// <summary>The active period (two years by law) ends: the signal moves to the historical archive.</summary>
    ActivePeriodEnds = 1,

    /// <summary>The youth reaches the age limit (23 by law) first: the signal is removed outright.</summary>
    AgeLimitReached,
}
