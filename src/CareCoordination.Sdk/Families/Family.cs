using System;
using System.Collections.Generic;
using System.Globalization;
using CareCoordination.Sdk.Compliance;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Internal;

namespace CareCoordination.Sdk.Families;

/// <summary>
/// A family (<em>gezin</em>, <em>huishouden</em>): youths and the parents or carers they share, as the population
/// register (BRP) knows them. Youths of one family match each other's signals (a family match), and so do youths of
/// different families that share a parent or carer: a parent is a person linked to the youths of every family that
/// names it, in whichever household they live. The family is the unit of the plan (<em>1 gezin, 1 plan</em>).
/// </summary>
/// <remarks>
/// Immutable and thread-safe. A youth may belong to more than one family (two households): a youth whose parents live
/// apart is in the family of each, and a half-sibling in either household matches it through the parent they share. A
/// carer may also be a youth (a teenage parent); a parent and its own child do not match as siblings.
/// <see cref="ToString"/> shows no BSN.
/// </remarks>
public sealed class Family
{
    private readonly Bsn[] _youths;
    private readonly Bsn[] _carers;

    private Family(FamilyId id, Bsn[] youths, Bsn[] carers, AddressKey? address, MunicipalityCode? municipality)
    {
        Id = id;
        _youths = youths;
        _carers = carers;
        Address = address;
        Municipality = municipality;
    }

    /// <summary>Gets the identifier.</summary>
    public FamilyId Id { get; }

    /// <summary>Gets the youths of the family.</summary>
    [PersonData(PersonDataClassification.DirectIdentifier)]
    public IReadOnlyList<Bsn> Youths => _youths;

    /// <summary>Gets the parents or carers of the family, each linked to every youth of it; youths of other families linked to the same parent are their siblings too.</summary>
    [PersonData(PersonDataClassification.DirectIdentifier)]
    public IReadOnlyList<Bsn> Carers => _carers;

    // The index walks members under its lock on every family change; a span walks them without an enumerator.
    internal ReadOnlySpan<Bsn> YouthSpan => _youths;

    internal ReadOnlySpan<Bsn> CarerSpan => _carers;

    /// <summary>
    /// Gets the household's residential address in the BRP, when the feed gave it: youths of other families registered
    /// at the same address match this family's youths (an address match), unless the region lists it as an institution's.
    /// </summary>
    [PersonData(PersonDataClassification.DirectIdentifier)]
    public AddressKey? Address { get; }

    /// <summary>
    /// Gets the municipality of the household's address (<em>gemeente van inschrijving</em>), when the feed gave it: a
    /// youth whose family moves to another municipality is announced to that municipality's match coordinator.
    /// </summary>
    [PersonData(PersonDataClassification.QuasiIdentifier)]
    public MunicipalityCode? Municipality { get; }

    /// <summary>Creates a family without an address.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="youths">The youths: at least one, none twice.</param>
    /// <param name="carers">The parents or carers they share: none twice.</param>
    /// <returns>The family.</returns>
    /// <exception cref="ArgumentException">A rule above is broken, or a BSN is <c>default</c>.</exception>
    public static Family Create(FamilyId id, IEnumerable<Bsn> youths, IEnumerable<Bsn> carers) => Create(id, youths, carers, null);

    /// <summary>Creates a family registered at an address.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="youths">The youths: at least one, none twice.</param>
    /// <param name="carers">The parents or carers they share: none twice.</param>
    /// <param name="address">The household's address in the BRP, or <see langword="null"/> when the feed gave none.</param>
    /// <returns>The family.</returns>
    /// <exception cref="ArgumentException">A rule above is broken, a BSN is <c>default</c>, or the address is <c>default</c>.</exception>
    public static Family Create(FamilyId id, IEnumerable<Bsn> youths, IEnumerable<Bsn> carers, AddressKey? address) => Create(id, youths, carers, address, null);

    /// <summary>
    /// Creates a family registered at an address in a municipality. Replacing a family by one at another address is how
    /// the feed reports a move (<see cref="Index.ReferenceIndex.AddOrReplaceFamily"/>).
    /// </summary>
    /// <param name="id">The identifier.</param>
    /// <param name="youths">The youths: at least one, none twice.</param>
    /// <param name="carers">The parents or carers they share: none twice.</param>
    /// <param name="address">The household's address in the BRP, or <see langword="null"/> when the feed gave none.</param>
    /// <param name="municipality">The municipality of the address, or <see langword="null"/> when the feed gave none; only with an address.</param>
    /// <returns>The family.</returns>
    /// <exception cref="ArgumentException">A rule above is broken, a BSN is <c>default</c>, the address or the municipality is <c>default</c>, or a municipality comes without an address.</exception>
    public static Family Create(FamilyId id, IEnumerable<Bsn> youths, IEnumerable<Bsn> carers, AddressKey? address, MunicipalityCode? municipality)
    {
        if (address is { IsDefault: true })
        {
            throw new ArgumentException("A family's address is a postcode and a house number; leave it out when the feed gave none.", nameof(address));
        }

        if (municipality is { IsDefault: true } || (municipality is not null && address is null))
        {
            throw new ArgumentException("A family's municipality is the municipality code of its address: give it with the address, or leave both out.", nameof(municipality));
        }

        Guard.NotDefault(id);
        var youthList = Distinct(Guard.NotNull(youths), nameof(youths));
        var carerList = Distinct(Guard.NotNull(carers), nameof(carers));
        if (youthList.Length == 0)
        {
            throw new ArgumentException("A family has at least one youth.", nameof(youths));
        }

        return new Family(id, youthList, carerList, address, municipality);
    }

    /// <summary>
    /// The same family with each member and the address replaced one for one, as a pseudonymised index keeps it: the
    /// members come from this family through a permutation, so they are valid and none twice without checking again.
    /// </summary>
    internal Family WithMembers(Bsn[] youths, Bsn[] carers, AddressKey? address) => new(Id, youths, carers, address, Municipality);

    /// <summary>
    /// A family made again from what the index's family table keeps of it (members by the index's key): they were
    /// valid and none twice when the family was kept, so they are not checked again.
    /// </summary>
    internal static Family Kept(FamilyId id, Bsn[] youths, Bsn[] carers, AddressKey? address, MunicipalityCode? municipality) =>
        new(id, youths, carers, address, municipality);

    /// <summary>Tells whether a youth belongs to the family.</summary>
    /// <param name="youth">The youth's BSN.</param>
    /// <returns>Whether it does.</returns>
    public bool HasYouth(Bsn youth) => Array.IndexOf(_youths, youth) >= 0;

    /// <inheritdoc/>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Id} ({_youths.Length} youths, {_carers.Length} carers)");

    private static Bsn[] Distinct(IEnumerable<Bsn> values, string name)
    {
        var list = new List<Bsn>();
        var seen = new HashSet<Bsn>();
        foreach (var value in values)
        {
            if (value.IsDefault)
            {
                throw new ArgumentException("A family member needs a valid BSN.", name);
            }

            if (!seen.Add(value))
            {
                throw new ArgumentException($"The BSN {value} is listed twice.", name);
            }

            list.Add(value);
        }

        return [.. list];
    }
}
