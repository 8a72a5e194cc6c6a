using CareCoordination.Sdk.Compliance;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Signals;

namespace CareCoordination.Sdk.Storage;

/// <summary>
/// One signal as a store keeps it: the compact row from which the reference index rebuilds itself. Every field is a
/// number, so that a store can read ten million of them without allocating per row.
/// </summary>
/// <param name="Id">The signal's identifier.</param>
/// <param name="Youth">The youth, by the key the SDK keeps it under (its BSN, or its pseudonym).</param>
/// <param name="Organisation">The reporting organisation.</param>
/// <param name="Reporter">The contact professional.</param>
/// <param name="RegisteredTicks">When it was made or last renewed, as Unix ticks (100 ns).</param>
/// <param name="DayNumber">Active: the expiry date; archived: the archive date; as <see cref="System.DateOnly.DayNumber"/>.</param>
/// <param name="Expiry">Why it will expire.</param>
/// <param name="State">Active or archived.</param>
/// <param name="OfferedAsMatch">Archived: whether it was offered once as a match.</param>
public readonly record struct StoredSignal(
    SignalId Id,
    [property: PersonData(PersonDataClassification.DirectIdentifier)] YouthKey Youth,
    OrganisationId Organisation,
    ProfessionalId Reporter,
    long RegisteredTicks,
    int DayNumber,
    SignalExpiry Expiry,
    StoredSignalState State,
    bool OfferedAsMatch)
{
    /// <summary>
    /// Gets the day number (<see cref="System.DateOnly.DayNumber"/>) on which the youth reaches the age limit (the 23rd
    /// birthday by law), kept only when this signal could be archived past it, so that the archive is deleted that day;
    /// <see langword="null"/> when its archive ends before it. Every row of the youth carries the same day.
    /// </summary>
    public int? AgeLimitDayNumber { get; init; }
}
