using System;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Organisations;
using NodaTime;

namespace CareCoordination.Sdk.Plans;

/// <summary>
/// The municipality's use of its enforcement power (<em>doorzettingsmacht</em>): a provider is obliged to cooperate —
/// what is ordered and by when, decided by whom.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class EnforcementOrder
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="provider">The provider obliged to act.</param>
    /// <param name="ordered">What is ordered, for example "start the parenting support within two weeks".</param>
    /// <param name="by">The date by which it must be done.</param>
    /// <param name="decidedBy">The municipal official who decided.</param>
    /// <exception cref="ArgumentException">A value is missing.</exception>
    public EnforcementOrder(OrganisationId provider, string ordered, LocalDate by, ProfessionalId decidedBy)
    {
        Provider = Guard.NotDefault(provider);
        Ordered = Guard.NotBlank(ordered);
        By = by;
        DecidedBy = Guard.NotDefault(decidedBy);
    }

    /// <summary>Gets the provider obliged to act.</summary>
    public OrganisationId Provider { get; }

    /// <summary>Gets what is ordered.</summary>
    public string Ordered { get; }

    /// <summary>Gets the date by which it must be done.</summary>
    public LocalDate By { get; }

    /// <summary>Gets the municipal official who decided.</summary>
    public ProfessionalId DecidedBy { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Provider} ordered: {Ordered} by {By:uuuu-MM-dd}";
}
