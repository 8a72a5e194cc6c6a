using CareCoordination.Sdk.Compliance;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Privacy;

/// <summary>
/// The duty to inform the youth or the parents about a signal (<em>informatieplicht</em>, rule 3): who must be told
/// for the youth's age, by when, who was told so far, and why not yet when the reporter postponed it.
/// </summary>
/// <param name="Signal">The signal.</param>
/// <param name="Youth">The youth.</param>
/// <param name="Organisation">The reporting organisation, which must inform.</param>
/// <param name="MustInform">Who must be informed: under 12 the parents, 12–15 both, from 16 the youth.</param>
/// <param name="DueOn">By when.</param>
/// <param name="Informed">Who was informed so far.</param>
/// <param name="LastInformedAt">When someone was last informed, if ever.</param>
/// <param name="PostponedBecause">Why informing is postponed, if the reporter recorded a reason (for example that it would endanger the child).</param>
public sealed record InformationObligation(
    SignalId Signal,
    [property: PersonData(PersonDataClassification.DirectIdentifier)] Bsn Youth,
    OrganisationId Organisation,
    ConsentGiver MustInform,
    LocalDate DueOn,
    ConsentGiver Informed,
    Instant? LastInformedAt,
    string? PostponedBecause)
{
    /// <summary>Gets a value indicating whether everyone who must be informed was.</summary>
    public bool IsFulfilled => (Informed & MustInform) == MustInform;

    /// <summary>Tells whether the obligation is overdue on a day: not fulfilled, not postponed, and past its date.</summary>
    /// <param name="today">The day.</param>
    /// <returns>Whether it is.</returns>
    public bool IsOverdueOn(LocalDate today) => !IsFulfilled && PostponedBecause is null && today > DueOn;

    /// <inheritdoc/>
    public override string ToString() => $"Inform {MustInform} about {Signal} by {DueOn:uuuu-MM-dd}: informed {Informed}";
}
