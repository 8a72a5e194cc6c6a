using CareCoordination.Sdk.Internal;

namespace CareCoordination.Sdk.Organisations;

/// <summary>
/// A named professional (<em>hulpverlener</em>, <em>beroepskracht</em>) of an organisation: the contact person
/// of a signal. Only a professional the organisation designated as a reporter (<em>gemandateerd melder</em>) may signal.
/// </summary>
/// <remarks>Immutable and thread-safe. The name and contact details are work data, shared with matched professionals.</remarks>
public sealed class Professional
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="id">The identifier in the region's directory.</param>
    /// <param name="organisation">The organisation the professional works for.</param>
    /// <param name="name">The name shown to other professionals.</param>
    /// <param name="contact">How to reach the professional.</param>
    /// <param name="isDesignatedReporter">Whether the organisation designated this professional to signal.</param>
    /// <exception cref="System.ArgumentException">A value is missing.</exception>
    public Professional(ProfessionalId id, OrganisationId organisation, string name, ContactDetails contact, bool isDesignatedReporter)
    {
        Id = Guard.NotDefault(id);
        Organisation = Guard.NotDefault(organisation);
        Name = Guard.NotBlank(name);
        Contact = Guard.NotNull(contact);
        IsDesignatedReporter = isDesignatedReporter;
    }

    /// <summary>Gets the identifier in the region's directory.</summary>
    public ProfessionalId Id { get; }

    /// <summary>Gets the organisation the professional works for.</summary>
    public OrganisationId Organisation { get; }

    /// <summary>Gets the name shown to other professionals.</summary>
    public string Name { get; }

    /// <summary>Gets how to reach the professional.</summary>
    public ContactDetails Contact { get; }

    /// <summary>Gets a value indicating whether the organisation designated this professional to signal.</summary>
    public bool IsDesignatedReporter { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
