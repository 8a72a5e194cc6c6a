using CareCoordination.Sdk.Compliance;
using NodaTime;

namespace CareCoordination.Sdk.Signals.Events;

/// <summary>Domain event: a new signal entered the reference index (<em>signaal afgegeven</em>).</summary>
/// <param name="Signal">The signal as registered.</param>
/// <param name="DateOfBirth">The youth's date of birth, as the registration gave it: it decides who must be informed (rule 3). The index does not keep it.</param>
public readonly record struct SignalRegistered(Signal Signal, [property: PersonData(PersonDataClassification.QuasiIdentifier)] LocalDate DateOfBirth)
{
    /// <summary>Describes the event without the date of birth, which logs must not carry.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => "SignalRegistered { Signal = " + Signal + " }";
}
