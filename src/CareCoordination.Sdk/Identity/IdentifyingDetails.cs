using System;
using CareCoordination.Sdk.Compliance;
using NodaTime;

namespace CareCoordination.Sdk.Identity;

/// <summary>
/// What a reporter who may not use the BSN knows of a youth (<em>identificerende gegevens</em>), for a
/// <see cref="IBsnFacility"/> to find the BSN by: family name, date of birth, sex and, when known, the address's
/// postcode and house number.
/// </summary>
/// <remarks>Immutable. <see cref="ToString"/> shows none of the details.</remarks>
public sealed class IdentifyingDetails
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="familyName">The family name; at least one letter.</param>
    /// <param name="dateOfBirth">The date of birth.</param>
    /// <param name="sex">The sex.</param>
    /// <param name="postcode">The address's postcode, or <see langword="null"/> when unknown.</param>
    /// <param name="houseNumber">The address's house number, or <see langword="null"/> when unknown.</param>
    /// <exception cref="ArgumentException">The family name has no letter, or the sex is undefined.</exception>
    public IdentifyingDetails(string familyName, LocalDate dateOfBirth, Sex sex, string? postcode = null, int? houseNumber = null)
    {
        if (SubstituteNumber.Normalise(Internal.Guard.NotNull(familyName)).Length == 0)
        {
            throw new ArgumentException("A family name needs at least one letter.", nameof(familyName));
        }

        if (!Enum.IsDefined(sex))
        {
            throw new ArgumentException("The sex is not defined.", nameof(sex));
        }

        FamilyName = familyName;
        DateOfBirth = dateOfBirth;
        Sex = sex;
        Postcode = postcode;
        HouseNumber = houseNumber;
    }

    /// <summary>Gets the family name.</summary>
    [PersonData(PersonDataClassification.QuasiIdentifier)]
    public string FamilyName { get; }

    /// <summary>Gets the date of birth.</summary>
    [PersonData(PersonDataClassification.QuasiIdentifier)]
    public LocalDate DateOfBirth { get; }

    /// <summary>Gets the sex.</summary>
    [PersonData(PersonDataClassification.QuasiIdentifier)]
    public Sex Sex { get; }

    /// <summary>Gets the address's postcode, when known.</summary>
    [PersonData(PersonDataClassification.QuasiIdentifier)]
    public string? Postcode { get; }

    /// <summary>Gets the address's house number, when known.</summary>
    [PersonData(PersonDataClassification.QuasiIdentifier)]
    public int? HouseNumber { get; }

    /// <inheritdoc/>
    public override string ToString() => "identifying details (hidden)";
}
