using System.Collections.Generic;
using CareCoordination.Sdk.Compliance;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;

namespace CareCoordination.Sdk.Storage;

/// <summary>
/// A family (<em>gezin</em>) as a store keeps it for the reference index: its identifier and its members by
/// <see cref="YouthKey"/>, so that a pseudonymised store holds no BSN of a youth or a carer either, and its address key
/// when the population register gave one (kept as the key's text, also in a pseudonymised store).
/// </summary>
/// <param name="Id">The family's identifier.</param>
/// <param name="Youths">The youths, in the family's order.</param>
/// <param name="Carers">The parents and carers, in the family's order.</param>
public sealed record StoredFamily(
    FamilyId Id,
    [property: PersonData(PersonDataClassification.DirectIdentifier)] IReadOnlyList<YouthKey> Youths,
    [property: PersonData(PersonDataClassification.DirectIdentifier)] IReadOnlyList<YouthKey> Carers)
{
    /// <summary>Gets the household's address key, or <see langword="null"/> when the population register gave none.</summary>
    [PersonData(PersonDataClassification.DirectIdentifier)]
    public AddressKey? Address { get; init; }

    /// <summary>Gets the municipality of the address, when the feed gave it (stored since schema version 5).</summary>
    [PersonData(PersonDataClassification.QuasiIdentifier)]
    public MunicipalityCode? Municipality { get; init; }
}
