using System;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Privacy;

namespace CareCoordination.Sdk.Signals;

/// <summary>
/// A request to register a signal (<em>signaal afgeven</em>): a professional of an organisation is involved with a
/// youth and concerned. It says who, about whom and on which legal criterion; nothing about the concern itself.
/// </summary>
/// <remarks>
/// Immutable. <c>default(SignalRegistration)</c> is refused by the index as invalid. The criterion is checked and
/// then dropped: it stays in the reporter's own records, never in the index.
/// </remarks>
public readonly struct SignalRegistration
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="youth">The youth the signal is about.</param>
    /// <param name="organisation">The reporting organisation.</param>
    /// <param name="reporter">The designated professional who is the contact for the signal.</param>
    /// <param name="criterion">The legal reporting criterion; kept in the reporter's records only.</param>
    /// <param name="route">The route by which the concern reached the reporter.</param>
    /// <exception cref="ArgumentException">A value is <c>default</c> or undefined.</exception>
    public SignalRegistration(Youth youth, OrganisationId organisation, ProfessionalId reporter, ReportingCriterion criterion, IntakeRoute route = IntakeRoute.ReferenceIndex)
    {
        if (youth.IsDefault)
        {
            throw new ArgumentException("A signal is about a youth with a valid BSN.", nameof(youth));
        }

        Internal.Guard.NotDefault(organisation);
        Internal.Guard.NotDefault(reporter);
        if (criterion == ReportingCriterion.None || !Enum.IsDefined(criterion))
        {
            throw new ArgumentException("A signal names one of the twelve legal reporting criteria.", nameof(criterion));
        }

        if (!Enum.IsDefined(route))
        {
            throw new ArgumentException("The intake route is not defined.", nameof(route));
        }

        Youth = youth;
        Organisation = organisation;
        Reporter = reporter;
        Criterion = criterion;
        Route = route;
    }

    /// <summary>Gets the youth the signal is about.</summary>
    [PersonData(PersonDataClassification.DirectIdentifier)]
    public Youth Youth { get; }

    /// <summary>Gets the reporting organisation.</summary>
    public OrganisationId Organisation { get; }

    /// <summary>Gets the professional who is the contact for the signal.</summary>
    public ProfessionalId Reporter { get; }

    /// <summary>Gets the legal reporting criterion, for the reporter's own records.</summary>
    public ReportingCriterion Criterion { get; }

    /// <summary>Gets the route by which the concern reached the reporter.</summary>
    public IntakeRoute Route { get; }

    /// <summary>Gets a value indicating whether this is <c>default(SignalRegistration)</c>.</summary>
    public bool IsDefault => Youth.IsDefault;

    /// <inheritdoc/>
    public override string ToString() => $"signal on {Youth} by {Organisation}";
}
