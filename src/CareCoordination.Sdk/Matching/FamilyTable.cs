using System;
using System.Collections.Generic;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Matching;

namespace CareCoordination.Sdk.Matching;

/// <summary>
/// The families the reference index knows, by identifier, by youth and by parent, with their members by the index's key.
/// A youth may belong to several families (two households); a family match finds the youths of all of them, and the
/// youths of every family that shares a parent or carer with one of them (half-siblings through either parent, in
/// whichever household they live). An address match finds the youths of every other family registered at the address
/// of one of the youth's families, unless it is an institution's.
/// </summary>
/// <remarks>Not thread-safe: the index calls it under its lock.</remarks>
internal sealed class FamilyTable(IReadOnlySet<AddressKey> institutions)
{
    private readonly IReadOnlySet<AddressKey> _institutions = institutions;
    private readonly Dictionary<int, Family> _families = [];
    private readonly Dictionary<int, FamilyId[]> _ofYouth = [];
    private readonly Dictionary<int, FamilyId[]> _ofParent = [];
    private readonly Dictionary<AddressKey, FamilyId[]> _atAddress = [];
    private readonly Dictionary<int, Siblings> _siblings = [];

    /// <summary>Gets every family, for the rare operations that must look at all of them.</summary>
    public IEnumerable<Family> All => _families.Values;

    /// <summary>Finds a family.</summary>
    public Family? Find(FamilyId family) => _families.GetValueOrDefault(family.Value);

    /// <summary>The families of a youth by its key, or <see langword="null"/> when it belongs to none; cheap when the index knows no families at all.</summary>
    public FamilyId[]? OfYouth(int key) => _ofYouth.Count > 0 && _ofYouth.TryGetValue(key, out var families) ? families : null;

    /// <summary>The siblings and address mates of a youth by its key, over all its families, their parents and their addresses, or <see langword="null"/> when it has none.</summary>
    public Siblings? SiblingsOf(int key) => _siblings.Count > 0 && _siblings.TryGetValue(key, out var siblings) ? siblings : null;

    /// <summary>Adds a family, or replaces the one with the same identifier.</summary>
    public void AddOrReplace(Family family)
    {
        Remove(family.Id);
        _families[family.Id.Value] = family;
        foreach (var youth in family.Youths)
        {
            Link(_ofYouth, youth.RevealNumber(), family.Id);
        }

        foreach (var parent in family.Carers)
        {
            Link(_ofParent, parent.RevealNumber(), family.Id);
        }

        if (MatchingAddress(family) is { } address)
        {
            Link(_atAddress, address, family.Id);
        }

        foreach (var key in YouthsReachedBy(family))
        {
            UpdateSiblings(key);
        }
    }

    /// <summary>Forgets a family.</summary>
    /// <returns>Whether it was known.</returns>
    public bool Remove(FamilyId family)
    {
        if (!_families.TryGetValue(family.Value, out var known))
        {
            return false;
        }

        var reached = YouthsReachedBy(known);
        _families.Remove(family.Value);
        foreach (var youth in known.Youths)
        {
            Unlink(_ofYouth, youth.RevealNumber(), family);
        }

        foreach (var parent in known.Carers)
        {
            Unlink(_ofParent, parent.RevealNumber(), family);
        }

        if (MatchingAddress(known) is { } address)
        {
            Unlink(_atAddress, address, family);
        }

        foreach (var key in reached)
        {
            UpdateSiblings(key);
        }

        return true;
    }

    private static void Link<TKey>(Dictionary<TKey, FamilyId[]> index, TKey key, FamilyId family)
        where TKey : notnull =>
        index[key] = index.TryGetValue(key, out var existing) ? [.. existing, family] : [family];

    private static void Unlink<TKey>(Dictionary<TKey, FamilyId[]> index, TKey key, FamilyId family)
        where TKey : notnull
    {
        var remaining = Array.FindAll(index[key], id => id != family);
        if (remaining.Length == 0)
        {
            index.Remove(key);
        }
        else
        {
            index[key] = remaining;
        }
    }

    // The address through which the family's youths match by address: none without one, none at an institution's.
    private AddressKey? MatchingAddress(Family family) =>
        family.Address is { } address && !_institutions.Contains(address) ? address : null;

    // Whose siblings a change of this family can change: its own youths, the youths of every family that shares a
    // parent with it, and the youths of every family at its address.
    private HashSet<int> YouthsReachedBy(Family family)
    {
        var keys = new HashSet<int>();
        foreach (var youth in family.Youths)
        {
            keys.Add(youth.RevealNumber());
        }

        foreach (var parent in family.Carers)
        {
            if (_ofParent.TryGetValue(parent.RevealNumber(), out var shared))
            {
                foreach (var id in shared)
                {
                    foreach (var youth in _families[id.Value].Youths)
                    {
                        keys.Add(youth.RevealNumber());
                    }
                }
            }
        }

        if (MatchingAddress(family) is { } address && _atAddress.TryGetValue(address, out var housemates))
        {
            foreach (var id in housemates)
            {
                foreach (var youth in _families[id.Value].Youths)
                {
                    keys.Add(youth.RevealNumber());
                }
            }
        }

        return keys;
    }

    // Families change rarely and have a handful of youths; registrations walk the siblings on every call, so the work
    // of finding them (every family of the youth, every family of each of its parents, each sibling once) is done here
    // instead of there.
    private void UpdateSiblings(int key)
    {
        if (!_ofYouth.TryGetValue(key, out var families))
        {
            _siblings.Remove(key);
            return;
        }

        var keys = new List<int>();
        var through = new List<FamilyId>();
        var kinds = new List<MatchKind>();
        void Add(Family other, FamilyId via, MatchKind kind)
        {
            foreach (var member in other.Youths)
            {
                var memberKey = member.RevealNumber();
                if (memberKey != key && !keys.Contains(memberKey))
                {
                    keys.Add(memberKey);
                    through.Add(via);
                    kinds.Add(kind);
                }
            }
        }

        // Youths of the same household first, so that a sibling found both ways is found through the household.
        foreach (var id in families)
        {
            Add(_families[id.Value], id, MatchKind.Family);
        }

        foreach (var id in families)
        {
            foreach (var parent in _families[id.Value].Carers)
            {
                foreach (var shared in _ofParent[parent.RevealNumber()])
                {
                    Add(_families[shared.Value], id, MatchKind.Family);
                }
            }
        }

        // Address mates last, so that a youth who is also a sibling matches as a sibling, once.
        foreach (var id in families)
        {
            if (MatchingAddress(_families[id.Value]) is { } address)
            {
                foreach (var other in _atAddress[address])
                {
                    Add(_families[other.Value], id, MatchKind.Address);
                }
            }
        }

        if (keys.Count == 0)
        {
            _siblings.Remove(key);
        }
        else
        {
            _siblings[key] = new Siblings([.. keys], [.. through], [.. kinds]);
        }
    }
}
