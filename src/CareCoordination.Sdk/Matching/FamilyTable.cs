using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
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
    private readonly Dictionary<int, Sibling[]> _siblings = [];

    // Scratch space for recomputing siblings, reused across family changes: the table is only used under the index's
    // lock, and a change from the population register should not cost a dozen short-lived collections.
    private readonly HashSet<int> _reached = [];
    private readonly List<Sibling> _found = [];

    /// <summary>Gets every family, for the rare operations that must look at all of them.</summary>
    public IEnumerable<Family> All => _families.Values;

    /// <summary>Finds a family.</summary>
    public Family? Find(FamilyId family) => _families.GetValueOrDefault(family.Value);

    /// <summary>The families of a youth by its key, or <see langword="null"/> when it belongs to none; cheap when the index knows no families at all.</summary>
    public FamilyId[]? OfYouth(int key) => _ofYouth.Count > 0 && _ofYouth.TryGetValue(key, out var families) ? families : null;

    /// <summary>The siblings and address mates of a youth by its key, over all its families, their parents and their addresses, or <see langword="null"/> when it has none.</summary>
    public Sibling[]? SiblingsOf(int key) => _siblings.Count > 0 && _siblings.TryGetValue(key, out var siblings) ? siblings : null;

    /// <summary>Adds a family, or replaces the one with the same identifier.</summary>
    public void AddOrReplace(Family family)
    {
        _reached.Clear();
        if (_families.TryGetValue(family.Id.Value, out var known))
        {
            // A replaced family mostly keeps its members and its address: only what changed is unlinked and linked,
            // so the feed's daily corrections allocate nothing for the members that stay.
            AddYouthsReachedBy(known);
            UnlinkMissing(_ofYouth, known.YouthSpan, family.YouthSpan, family.Id);
            UnlinkMissing(_ofParent, known.CarerSpan, family.CarerSpan, family.Id);
            if (MatchingAddress(known) is { } before && MatchingAddress(family) != before)
            {
                Unlink(_atAddress, before, family.Id);
            }
        }

        _families[family.Id.Value] = family;
        LinkNew(_ofYouth, family.YouthSpan, known is null ? default : known.YouthSpan, family.Id);
        LinkNew(_ofParent, family.CarerSpan, known is null ? default : known.CarerSpan, family.Id);
        if (MatchingAddress(family) is { } address && (known is null || MatchingAddress(known) != address))
        {
            Link(_atAddress, address, family.Id);
        }

        AddYouthsReachedBy(family);
        UpdateReachedSiblings();
    }

    /// <summary>Forgets a family.</summary>
    /// <returns>Whether it was known.</returns>
    public bool Remove(FamilyId family)
    {
        if (!_families.TryGetValue(family.Value, out var known))
        {
            return false;
        }

        _reached.Clear();
        Unlink(known);
        UpdateReachedSiblings();
        return true;
    }

    // Takes a known family out of the table's indexes and notes whose siblings that changes; the caller updates them.
    private void Unlink(Family known)
    {
        AddYouthsReachedBy(known);
        _families.Remove(known.Id.Value);
        foreach (var youth in known.YouthSpan)
        {
            Unlink(_ofYouth, youth.RevealNumber(), known.Id);
        }

        foreach (var parent in known.CarerSpan)
        {
            Unlink(_ofParent, parent.RevealNumber(), known.Id);
        }

        if (MatchingAddress(known) is { } address)
        {
            Unlink(_atAddress, address, known.Id);
        }
    }

    private void UpdateReachedSiblings()
    {
        foreach (var key in _reached)
        {
            UpdateSiblings(key);
        }
    }

    private static void UnlinkMissing(Dictionary<int, FamilyId[]> index, ReadOnlySpan<Bsn> before, ReadOnlySpan<Bsn> after, FamilyId family)
    {
        foreach (var member in before)
        {
            if (!after.Contains(member))
            {
                Unlink(index, member.RevealNumber(), family);
            }
        }
    }

    private static void LinkNew(Dictionary<int, FamilyId[]> index, ReadOnlySpan<Bsn> after, ReadOnlySpan<Bsn> before, FamilyId family)
    {
        foreach (var member in after)
        {
            if (!before.Contains(member))
            {
                Link(index, member.RevealNumber(), family);
            }
        }
    }

    private static void Link<TKey>(Dictionary<TKey, FamilyId[]> index, TKey key, FamilyId family)
        where TKey : notnull =>
        index[key] = index.TryGetValue(key, out var existing) ? [.. existing, family] : [family];

    private static void Unlink<TKey>(Dictionary<TKey, FamilyId[]> index, TKey key, FamilyId family)
        where TKey : notnull
    {
        var linked = index[key];
        var at = Array.IndexOf(linked, family);
        if (at < 0)
        {
            return;
        }

        if (linked.Length == 1)
        {
            index.Remove(key);
            return;
        }

        var remaining = new FamilyId[linked.Length - 1];
        linked.AsSpan(0, at).CopyTo(remaining);
        linked.AsSpan(at + 1).CopyTo(remaining.AsSpan(at));
        index[key] = remaining;
    }

    // The address through which the family's youths match by address: none without one, none at an institution's.
    private AddressKey? MatchingAddress(Family family) =>
        family.Address is { } address && !_institutions.Contains(address) ? address : null;

    // Whose siblings a change of this family can change: its own youths, the youths of every family that shares a
    // parent with it, and the youths of every family at its address.
    private void AddYouthsReachedBy(Family family)
    {
        foreach (var youth in family.YouthSpan)
        {
            _reached.Add(youth.RevealNumber());
        }

        foreach (var parent in family.CarerSpan)
        {
            if (_ofParent.TryGetValue(parent.RevealNumber(), out var shared))
            {
                foreach (var id in shared)
                {
                    foreach (var youth in _families[id.Value].YouthSpan)
                    {
                        _reached.Add(youth.RevealNumber());
                    }
                }
            }
        }

        if (MatchingAddress(family) is { } address && _atAddress.TryGetValue(address, out var housemates))
        {
            foreach (var id in housemates)
            {
                foreach (var youth in _families[id.Value].YouthSpan)
                {
                    _reached.Add(youth.RevealNumber());
                }
            }
        }
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

        _found.Clear();

        // Youths of the same household first, so that a sibling found both ways is found through the household.
        foreach (var id in families)
        {
            Add(key, _families[id.Value], id, MatchKind.Family);
        }

        foreach (var id in families)
        {
            foreach (var parent in _families[id.Value].CarerSpan)
            {
                foreach (var shared in _ofParent[parent.RevealNumber()])
                {
                    Add(key, _families[shared.Value], id, MatchKind.Family);
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
                    Add(key, _families[other.Value], id, MatchKind.Address);
                }
            }
        }

        if (_found.Count == 0)
        {
            _siblings.Remove(key);
        }
        else if (!_siblings.TryGetValue(key, out var known) || !known.AsSpan().SequenceEqual(CollectionsMarshal.AsSpan(_found)))
        {
            // A youth whose siblings did not change keeps the array it has, so an unchanged household costs nothing.
            _siblings[key] = [.. _found];
        }
    }

    private void Add(int key, Family other, FamilyId via, MatchKind kind)
    {
        foreach (var member in other.YouthSpan)
        {
            var memberKey = member.RevealNumber();
            if (memberKey != key && !Found(memberKey))
            {
                _found.Add(new Sibling(memberKey, via, kind));
            }
        }
    }

    private bool Found(int key)
    {
        foreach (var sibling in CollectionsMarshal.AsSpan(_found))
        {
            if (sibling.Key == key)
            {
                return true;
            }
        }

        return false;
    }
}
