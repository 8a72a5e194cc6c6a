using System.Collections.Generic;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Facility;

/// <summary>
/// The answer to a reporter who handed a signal in through the BSN facility: what happened, the signal's identifier and
/// end date, and the matches as parties — never the BSN, the substitute number or any other youth's identifier.
/// </summary>
/// <param name="Outcome">Registered, renewed, or refused.</param>
/// <param name="Refusal">Why it was refused; <see cref="RegistrationRefusal.None"/> otherwise.</param>
/// <param name="Message">What to show the reporter, in the host's language.</param>
/// <param name="IsIdentified">Whether the facility found the youth's BSN; <see langword="false"/> when the index used a substitute number or refused.</param>
/// <param name="Signal">The signal's identifier; <c>default</c> when refused.</param>
/// <param name="ExpiresOn">The date the signal leaves the active index; <c>default</c> when refused.</param>
/// <param name="Matches">The matches the signal made.</param>
public sealed record FacilitatedAnswer(
    RegistrationOutcome Outcome,
    RegistrationRefusal Refusal,
    string Message,
    bool IsIdentified,
    SignalId Signal,
    LocalDate ExpiresOn,
    IReadOnlyList<FacilitatedMatch> Matches)
{
    /// <summary>Gets a value indicating whether the signal was refused.</summary>
    public bool IsRefused => Outcome == RegistrationOutcome.Refused;
}
