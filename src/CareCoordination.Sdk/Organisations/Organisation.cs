using System;
using CareCoordination.Sdk.Internal;

namespace CareCoordination.Sdk.Organisations;

/// <summary>An organisation (<em>instelling</em>, <em>instantie</em>) that helps youths and families and may take part in the reference index.</summary>
/// <remarks>Immutable and thread-safe. Pseudo-mutators such as <see cref="WithOrganisationCoordinator"/> return a new instance.</remarks>
public sealed class Organisation
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="id">The identifier in the region's directory.</param>
    /// <param name="name">The name shown to other professionals.</param>
    /// <param name="kind">What kind of organisation it is.</param>
    /// <param name="contact">How to reach the organisation.</param>
    /// <param name="hasMunicipalAgreement">Whether it has written agreements with the municipality about taking part in the index (<em>convenant</em>).</param>
    /// <exception cref="ArgumentException">A value is missing or undefined.</exception>
    public Organisation(OrganisationId id, string name, OrganisationKind kind, ContactDetails contact, bool hasMunicipalAgreement)
        : this(id, name, kind, contact, hasMunicipalAgreement, null)
    {
    }

    private Organisation(OrganisationId id, string name, OrganisationKind kind, ContactDetails contact, bool hasMunicipalAgreement, ProfessionalId? coordinator)
    {
        Id = Guard.NotDefault(id);
        Name = Guard.NotBlank(name);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentException("The organisation kind is not defined.", nameof(kind));
        }

        Kind = kind;
        Contact = Guard.NotNull(contact);
        HasMunicipalAgreement = hasMunicipalAgreement;
        OrganisationCoordinator = coordinator;
    }

    /// <summary>Gets the identifier in the region's directory.</summary>
    public OrganisationId Id { get; }

    /// <summary>Gets the name shown to other professionals.</summary>
    public string Name { get; }

    /// <summary>Gets what kind of organisation it is.</summary>
    public OrganisationKind Kind { get; }

    /// <summary>Gets how to reach the organisation.</summary>
    public ContactDetails Contact { get; }

    /// <summary>Gets a value indicating whether it has written agreements with the municipality (<em>convenant</em>); without them it may not signal.</summary>
    public bool HasMunicipalAgreement { get; }

    /// <summary>
    /// Gets the organisation coordinator (<em>instellingscoördinator</em>) who manages its reporters' contact
    /// details and receives a copy of its match notifications, if it named one.
    /// </summary>
    public ProfessionalId? OrganisationCoordinator { get; }

    /// <summary>Returns a copy with the given organisation coordinator.</summary>
    /// <param name="coordinator">The professional of this organisation who coordinates its participation.</param>
    /// <returns>The new instance.</returns>
    public Organisation WithOrganisationCoordinator(ProfessionalId coordinator) =>
        new(Id, Name, Kind, Contact, HasMunicipalAgreement, Guard.NotDefault(coordinator));

    /// <inheritdoc/>
    public override string ToString() => Name + " (" + Kind + ")";
}
