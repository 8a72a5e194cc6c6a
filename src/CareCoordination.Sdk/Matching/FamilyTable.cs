using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Matching;

namespace CareCoordination.Sdk.Matching;

/// <summary>
/// The families the reference index knows, by identifier, by youth and by parent, with their members by the index's key.
/// A youth may belong to several families (two households); a family match finds the youths of all of them, and the
/// youths of every family that shares a parent or carer with one of them (half-siblings through either parent, in
/// whichever household they live). An address match finds the youths of every other family registered at the address
/// of one of the youth's families, unless it is an institution's.
/// </summary>
/// <remarks>
/// Not thread-safe: the index calls it under its lock. Where a youth's siblings lie in their <see cref="RunPool{T}"/> is
/// kept in the youth's row of the index's <see cref="YouthRows"/>, which a registration has read already; a family's
/// members lie in a pool of their own (<see cref="KeptFamily"/>), not in an object per family; a youth, parent or
/// address linked to one family holds that family in its <see cref="FamilyLinks"/>. So a family change from the
/// population register allocates nothing once the tables have grown, keyed by BSN or by pseudonym.
/// </remarks>
internal sealed class FamilyTable(IReadOnlySet<AddressKey> institutions, YouthRows youths)
{
    // What EnsureCapacity reserves a family as: families of one to four youths average between two and three.
    private const int YouthsReservedPerFamily = 3;

    private readonly IReadOnlySet<AddressKey> _institutions = institutions;
    private readonly IdTable<KeptFamily> _families = new();
    private readonly RunPool<int> _members = new();
    private readonly YouthRows _youths = youths;
    // The families of a youth of two or more households; the row holds the first family and the count of every youth.
    private readonly Dictionary<int, FamilyLinks> _ofYouthInMore = [];
    private readonly Dictionary<int, FamilyLinks> _ofParent = [];
    private readonly Dictionary<AddressKey, FamilyLinks> _atAddress = [];
    private readonly RunPool<Sibling> _siblings = new();

    // Scratch space for recomputing siblings, reused across family changes: the table is only used under the index's
    // lock, and a change from the population register should not cost a dozen short-lived collections.
    private readonly HashSet<int> _reached = [];
    private readonly List<Sibling> _found = [];

    /// <summary>Gets every family, for the rare operations that must look at all of them; each is made when it is read.</summary>
    public IEnumerable<Family> All
    {
        get
        {
            foreach (var (id, kept) in _families.Items)
            {
                yield return ToFamily(new FamilyId(id), kept);
            }
        }
    }

    /// <summary>Finds a family, made from what the table keeps of it (members by the index's key).</summary>
    public Family? Find(FamilyId family) => _families.TryGetValue(family.Value, out var kept) ? ToFamily(family, kept) : null;

    /// <summary>Whether the table knows a family.</summary>
    public bool Contains(FamilyId family) => _families.TryGetValue(family.Value, out _);

    /// <summary>The address a known family is kept at, or <see langword="null"/>; reads no members and makes no family.</summary>
    public AddressKey? AddressOf(FamilyId family) => _families.TryGetValue(family.Value, out var kept) ? kept.Address : null;

    /// <summary>The families of a youth by its key, a copy the caller may keep while families change, or <see langword="null"/> when it belongs to none.</summary>
    public FamilyId[]? OfYouth(int key) => FamiliesOf(key)?.ToArray();

    /// <summary>The siblings and address mates of a youth by its key, over all its families, their parents and their addresses; empty when it has none.</summary>
    /// <remarks>Valid until the next family change.</remarks>
    public ReadOnlySpan<Sibling> SiblingsOf(int key) => SiblingsAt(_youths.Find(key));

    /// <summary>The siblings and address mates of the youth whose row <see cref="YouthRows.Find"/> gave; empty when it has none.</summary>
    /// <remarks>Valid until the next family change.</remarks>
    public ReadOnlySpan<Sibling> SiblingsAt(int row) =>
        _youths.SiblingsAt(row, out var start) is var count and > 0 ? _siblings[start, count] : default;

    /// <summary>Reserves room for this many families of three youths, each with two siblings.</summary>
    public void EnsureCapacity(int families)
    {
        _families.EnsureCapacity(families);
        _members.EnsureCapacity(checked(RunPool<int>.CapacityFor(YouthsReservedPerFamily) * families));

        // Most youths of a fed family are signalled youths too, so the rows reserved for those are shared.
        _youths.EnsureCapacity(checked(YouthsReservedPerFamily * families));
        _siblings.EnsureCapacity(checked(YouthsReservedPerFamily * (YouthsReservedPerFamily - 1) * families));
    }

    /// <summary>Adds a family whose members are the index's keys, or replaces the one with the same identifier.</summary>
    public void AddOrReplace(Family family) =>
        AddOrReplace(family.Id, Bsn.NumbersOf(family.YouthSpan), Bsn.NumbersOf(family.CarerSpan), family.Address, family.Municipality);

    /// <summary>Adds a family by its members' keys, or replaces the one with the same identifier.</summary>
    /// <param name="id">The family's identifier.</param>
    /// <param name="youths">Its youths' keys: at least one, none twice.</param>
    /// <param name="carers">Its parents' or carers' keys: none twice.</param>
    /// <param name="address">Its address as the index keeps it, or <see langword="null"/>.</param>
    /// <param name="municipality">The municipality of that address, or <see langword="null"/>.</param>
    public void AddOrReplace(FamilyId id, ReadOnlySpan<int> youths, ReadOnlySpan<int> carers, AddressKey? address, MunicipalityCode? municipality)
    {
        // Every member's row is read below, each a likely miss of its own: started together, they overlap.
        foreach (var youth in youths)
        {
            _youths.Prefetch(youth);
        }

        _reached.Clear();
        var isKnown = _families.TryGetValue(id.Value, out var known);

        // Unknown, the family is the default record: no members, no address, so nothing below unlinks or is spared.
        var before = isKnown ? _members[known.MemberStart, known.Members] : default;
        var youthsBefore = before[..known.Youths];
        var carersBefore = before[known.Youths..];
        if (isKnown)
        {
            // A replaced family mostly keeps its members and its address: only what changed is unlinked and linked,
            // so the feed's daily corrections allocate nothing for the members that stay.
            AddYouthsReachedBy(youthsBefore, carersBefore, known.Address);
            foreach (var youth in youthsBefore)
            {
                if (!youths.Contains(youth))
                {
                    UnlinkYouth(youth, id);
                }
            }

            foreach (var parent in carersBefore)
            {
                if (!carers.Contains(parent))
                {
                    Unlink(_ofParent, parent, id);
                }
            }

            if (MatchingAddress(known.Address) is { } old && MatchingAddress(address) != old)
            {
                Unlink(_atAddress, old, id);
            }
        }

        foreach (var youth in youths)
        {
            if (!youthsBefore.Contains(youth))
            {
                LinkYouth(youth, id);
            }
        }

        foreach (var parent in carers)
        {
            if (!carersBefore.Contains(parent))
            {
                Link(_ofParent, parent, id);
            }
        }

        if (MatchingAddress(address) is { } at && (!isKnown || MatchingAddress(known.Address) != at))
        {
            Link(_atAddress, at, id);
        }

        // Only now is the replaced run rewritten, in place when the members need a run of its capacity; the siblings
        // worked out below read the family from the table.
        int start;
        if (isKnown && _members.TryReplace(known.MemberStart, known.Members, youths, carers))
        {
            start = known.MemberStart;
        }
        else
        {
            if (isKnown)
            {
                _members.Return(known.MemberStart, known.Members);
            }

            start = _members.Rent(youths, carers);
        }

        _families.Set(id.Value, new KeptFamily(start, youths.Length, carers.Length, address, municipality));
        AddYouthsReachedBy(youths, carers, address);
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
        var members = _members[known.MemberStart, known.Members];
        AddYouthsReachedBy(members[..known.Youths], members[known.Youths..], known.Address);
        _families.Remove(family.Value);
        foreach (var youth in members[..known.Youths])
        {
            UnlinkYouth(youth, family);
        }

        foreach (var parent in members[known.Youths..])
        {
            Unlink(_ofParent, parent, family);
        }

        if (MatchingAddress(known.Address) is { } address)
        {
            Unlink(_atAddress, address, family);
        }

        _members.Return(known.MemberStart, known.Members);
        UpdateReachedSiblings();
        return true;
    }

    private Family ToFamily(FamilyId id, in KeptFamily kept) =>
        Family.Kept(id, Bsn.FromTrustedNumbers(YouthsOf(kept)), Bsn.FromTrustedNumbers(CarersOf(kept)), kept.Address, kept.Municipality);

    private ReadOnlySpan<int> YouthsOf(in KeptFamily kept) => _members[kept.MemberStart, kept.Youths];

    private ReadOnlySpan<int> CarersOf(in KeptFamily kept) => _members[kept.MemberStart + kept.Youths, kept.Carers];

    private void UpdateReachedSiblings()
    {
        foreach (var key in _reached)
        {
            UpdateSiblings(key);
        }
    }

    private FamilyLinks? FamiliesOf(int key) => _youths.FamiliesOf(key, out var first) switch
    {
        0 => null,
        1 => FamilyLinks.Of(new FamilyId(first)),
        _ => _ofYouthInMore[key],
    };

    // The row holds the first family and the count; the dictionary holds the list only while there are two or more.
    private void SetFamiliesOf(int key, FamilyLinks? before, FamilyLinks? after)
    {
        var count = after?.Count ?? 0;
        _youths.SetFamilies(key, count == 0 ? 0 : after!.Value[0].Value, count);
        if (count > 1)
        {
            _ofYouthInMore[key] = after!.Value;
        }
        else if (before?.Count > 1)
        {
            _ofYouthInMore.Remove(key);
        }
    }

    private void LinkYouth(int key, FamilyId family)
    {
        var families = FamiliesOf(key);
        SetFamiliesOf(key, families, families is { } some ? some.With(family) : FamilyLinks.Of(family));
    }

    // A youth that leaves its last family leaves the table, its siblings with it.
    private void UnlinkYouth(int key, FamilyId family)
    {
        var families = FamiliesOf(key);
        var at = families?.IndexOf(family) ?? -1;
        if (at < 0)
        {
            return;
        }

        var remaining = families!.Value.Without(at);
        if (remaining is null && _youths.SiblingsOf(key, out var start) is var count and > 0)
        {
            _siblings.Return(start, count);
            _youths.SetSiblings(key, start: 0, count: 0);
        }

        SetFamiliesOf(key, families, remaining);
    }

    private static void Link<TKey>(Dictionary<TKey, FamilyLinks> index, TKey key, FamilyId family)
        where TKey : notnull
    {
        ref var linked = ref CollectionsMarshal.GetValueRefOrAddDefault(index, key, out var exists);
        linked = exists ? linked.With(family) : FamilyLinks.Of(family);
    }

    private static void Unlink<TKey>(Dictionary<TKey, FamilyLinks> index, TKey key, FamilyId family)
        where TKey : notnull
    {
        ref var linked = ref CollectionsMarshal.GetValueRefOrNullRef(index, key);
        var at = Unsafe.IsNullRef(ref linked) ? -1 : linked.IndexOf(family);
        if (at < 0)
        {
            return;
        }

        if (linked.Without(at) is { } remaining)
        {
            linked = remaining;
        }
        else
        {
            index.Remove(key);
        }
    }

    // The address through which the family's youths match by address: none without one, none at an institution's.
    private AddressKey? MatchingAddress(AddressKey? address) =>
        address is { } at && !_institutions.Contains(at) ? at : null;

    // Whose siblings a change of this family can change: its own youths, the youths of every family that shares a
    // parent with it, and the youths of every family at its address.
    private void AddYouthsReachedBy(ReadOnlySpan<int> youths, ReadOnlySpan<int> carers, AddressKey? address)
    {
        foreach (var youth in youths)
        {
            _reached.Add(youth);
        }

        foreach (var parent in carers)
        {
            if (_ofParent.TryGetValue(parent, out var shared))
            {
                ReachYouthsOf(shared);
            }
        }

        if (MatchingAddress(address) is { } at && _atAddress.TryGetValue(at, out var housemates))
        {
            ReachYouthsOf(housemates);
        }
    }

    private void ReachYouthsOf(FamilyLinks families)
    {
        for (var i = 0; i < families.Count; i++)
        {
            foreach (var youth in YouthsOf(_families[families[i].Value]))
            {
                _reached.Add(youth);
            }
        }
    }

    // Families change rarely and have a handful of youths; registrations walk the siblings on every call, so the work
    // of finding them (every family of the youth, every family of each of its parents, each sibling once) is done here
    // instead of there.
    private void UpdateSiblings(int key)
    {
        if (FamiliesOf(key) is not { } families)
        {
            // It left its last family, and its siblings went with it.
            return;
        }

        _found.Clear();

        // Youths of the same household first, so that a sibling found both ways is found through the household.
        for (var i = 0; i < families.Count; i++)
        {
            Add(key, _families[families[i].Value], families[i], MatchKind.Family);
        }

        for (var i = 0; i < families.Count; i++)
        {
            foreach (var parent in CarersOf(_families[families[i].Value]))
            {
                AddYouthsOf(key, _ofParent[parent], families[i], MatchKind.Family);
            }
        }

        // Address mates last, so that a youth who is also a sibling matches as a sibling, once.
        for (var i = 0; i < families.Count; i++)
        {
            if (MatchingAddress(_families[families[i].Value].Address) is { } address)
            {
                AddYouthsOf(key, _atAddress[address], families[i], MatchKind.Address);
            }
        }

        var found = CollectionsMarshal.AsSpan(_found);
        var count = _youths.SiblingsOf(key, out var start);
        if (count > 0)
        {
            // A youth whose siblings did not change keeps its run, and one whose count stays within the run's
            // capacity is rewritten in place.
            if (found.SequenceEqual(_siblings[start, count]))
            {
                return;
            }

            if (found.Length > 0 && _siblings.TryReplace(start, count, found))
            {
                _youths.SetSiblings(key, start, found.Length);
                return;
            }

            _siblings.Return(start, count);
            _youths.SetSiblings(key, start: 0, count: 0);
        }

        if (found.Length > 0)
        {
            _youths.SetSiblings(key, _siblings.Rent(found), found.Length);
        }
    }

    private void AddYouthsOf(int key, FamilyLinks others, FamilyId via, MatchKind kind)
    {
        for (var i = 0; i < others.Count; i++)
        {
            Add(key, _families[others[i].Value], via, kind);
        }
    }

    private void Add(int key, in KeptFamily other, FamilyId via, MatchKind kind)
    {
        foreach (var member in YouthsOf(other))
        {
            if (member != key && !Found(member))
            {
                _found.Add(new Sibling(member, via, kind));
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
