using System.Collections.Generic;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;

namespace CareCoordination.Sdk.Storage.Relational;

/// <summary>
/// Turns families into the rows a relational store keeps them in — (family, position, role, member key), and (family,
/// address key) for a family with an address — and back, so
/// that every relational store, the SDK's own and a vendor's, reads and writes families the same way.
/// </summary>
/// <remarks>Not thread-safe: use one instance per read.</remarks>
public sealed class StoredFamilyRows
{
    /// <summary>The role number of a youth.</summary>
    public const int YouthRole = 0;

    /// <summary>The role number of a parent or carer.</summary>
    public const int CarerRole = 1;

    private readonly SortedDictionary<int, (List<YouthKey> Youths, List<YouthKey> Carers)> _families = [];
    private readonly Dictionary<int, AddressKey> _addresses = [];
    private readonly Dictionary<int, MunicipalityCode> _municipalities = [];

    /// <summary>Adds one row, as read in position order.</summary>
    /// <param name="family">The family's identifier.</param>
    /// <param name="role"><see cref="YouthRole"/> or <see cref="CarerRole"/>.</param>
    /// <param name="member">The member's key as stored.</param>
    /// <exception cref="System.IO.InvalidDataException">The key or the role is not one the SDK writes; the store is damaged.</exception>
    public void Add(int family, int role, int member)
    {
        if (role is not (YouthRole or CarerRole))
        {
            throw new System.IO.InvalidDataException("A stored family member has a role other than youth (0) or carer (1); the store is damaged.");
        }

        if (!_families.TryGetValue(family, out var lists))
        {
            lists = ([], []);
            _families[family] = lists;
        }

        (role == YouthRole ? lists.Youths : lists.Carers).Add(YouthKey.FromStored(member));
    }

    /// <summary>Adds a family's address row; an address of a family without members is ignored.</summary>
    /// <param name="family">The family's identifier.</param>
    /// <param name="address">The address key, as <see cref="StoredRowValidator.TryAcceptFamilyAddress(long, string?, out AddressKey)"/> read it.</param>
    public void AddAddress(int family, AddressKey address) => _addresses[family] = address;

    /// <summary>Adds a family's address with the municipality of the address.</summary>
    /// <param name="family">The family's identifier.</param>
    /// <param name="address">The address key.</param>
    /// <param name="municipality">The municipality, or <see langword="null"/> when the row has none.</param>
    public void AddAddress(int family, AddressKey address, MunicipalityCode? municipality)
    {
        _addresses[family] = address;
        if (municipality is { } code)
        {
            _municipalities[family] = code;
        }
    }

    /// <summary>Gets the families the rows make, in the order of their identifiers.</summary>
    /// <returns>The families.</returns>
    public IEnumerable<StoredFamily> Families()
    {
        foreach (var (id, lists) in _families)
        {
            yield return new StoredFamily(new FamilyId(id), lists.Youths, lists.Carers) 
            {
                Address = _addresses.TryGetValue(id, out var address) ? address : null,
                Municipality = _municipalities.TryGetValue(id, out var municipality) ? municipality : null,
            };
        }
    }

    /// <summary>Gets the rows of a family, in position order: its youths, then its carers.</summary>
    /// <param name="family">The family.</param>
    /// <returns>One row per member.</returns>
    public static IEnumerable<(int Position, int Role, int Member)> RowsOf(StoredFamily family)
    {
        Internal.Guard.NotNull(family);
        var position = 0;
        foreach (var youth in family.Youths)
        {
            yield return (position++, YouthRole, youth.Value);
        }

        foreach (var carer in family.Carers)
        {
            yield return (position++, CarerRole, carer.Value);
        }
    }
}
