using System;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Signals;

namespace CareCoordination.Sdk.Facility;

/// <summary>
/// A signal handed in through the BSN facility (<em>melden via de voorziening</em>) by a reporter who may not use the
/// BSN: the youth by identifying details instead of a number; otherwise what a <see cref="SignalRegistration"/> holds.
/// </summary>
/// <remarks>Immutable. The criterion is checked and then dropped, as for every signal.</remarks>
public sealed class FacilitatedSignal
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="youth">What the reporter knows of the youth.</param>
    /// <param name="organisation">The reporting organisation.</param>
    /// <param name="reporter">The designated professional who is the contact for the signal.</param>
    /// <param name="criterion">The legal reporting criterion; kept in the reporter's records only.</param>
    /// <exception cref="ArgumentException">A value is <see langword="null"/>, <c>default</c> or undefined.</exception>
    public FacilitatedSignal(IdentifyingDetails youth, OrganisationId organisation, ProfessionalId reporter, ReportingCriterion criterion)
    {
        Youth = Internal.Guard.NotNull(youth);
        Organisation = Internal.Guard.NotDefault(organisation);
        Reporter = Internal.Guard.NotDefault(reporter);
        if (criterion == ReportingCriterion.None || !Enum.IsDefined(criterion))
        {
            throw new ArgumentException("A signal names one of the twelve legal reporting criteria.", nameof(criterion));
        }

        Criterion = criterion;
    }

    /// <summary>Gets what the reporter knows of the youth.</summary>
    public IdentifyingDetails Youth { get; }

    /// <summary>Gets the reporting organisation.</summary>
    public OrganisationId Organisation { get; }

    /// <summary>Gets the professional who is the contact for the signal.</summary>
    public ProfessionalId Reporter { get; }

    /// <summary>Gets the legal reporting criterion.</summary>
    public ReportingCriterion Criterion { get; }

    /// <inheritdoc/>
    public override string ToString() => $"facilitated signal by {Organisation}";
}
