using System;
using System.Collections.Generic;

namespace CareCoordination.Sdk.Families;

/// <summary>
/// The families the reference index knows, by identifier and by youth, with their members by the index's key. A youth
/// may belong to several families (two households); a family match finds the youths of all of them.
/// </summary>
/// <remarks>Not thread-safe: the index calls it under its lock.</remarks>
internal sealed class FamilyTable
{
    private readonly Dictionary<int, Family> _families = [];
    private readonly Dictionary<int, FamilyId[]> _ofYouth = [];
    private readonly Dictionary<int, Siblings> _siblings = [];

    /// <summary>Gets every family, for the rare operations that must look at all of them.</summary>
    public IEnumerable<Family> All => _families.Values;

    /// <summary>Finds a family.</summary>
    public Family? Find(FamilyId family) => _families.GetValueOrDefault(family.Value);

    /// <summary>The families of a youth by its key, or <see langword="null"/> when it belongs to none; cheap when the index knows no families at all.</summary>
    public FamilyId[]? OfYouth(int key) => _ofYouth.Count > 0 && _ofYouth.TryGetValue(key, out var families) ? families : null;

    /// <summary>The siblings of a youth by its key, over all its families, or <see langword="null"/> when it has none.</summary>
    public Siblings? SiblingsOf(int key) => _siblings.Count > 0 && _siblings.TryGetValue(key, out var siblings) ? siblings : null;

    /// <summary>Adds a family, or replaces the one with the same identifier.</summary>
    public void AddOrReplace(Family family)
    {
        Remove(family.Id);
        _families[family.Id.Value] = family;
        foreach (var youth in family.Youths)
        {
            var key = youth.RevealNumber();
            _ofYouth[key] = _ofYouth.TryGetValue(key, out var existing) ? [.. existing, family.Id] : [family.Id];
        }

        foreach (var youth in family.Youths)
        {
            UpdateSiblings(youth.RevealNumber());
        }
    }

    /// <summary>Forgets a family.</summary>
    /// <returns>Whether it was known.</returns>
    public bool Remove(FamilyId family)
    {
        if (!_families.Remove(family.Value, out var known))
        {
            return false;
        }

        foreach (var youth in known.Youths)
        {
            var key = youth.RevealNumber();
            var remaining = Array.FindAll(_ofYouth[key], id => id != family);
            if (remaining.Length == 0)
            {
                _ofYouth.Remove(key);
            }
            else
            {
                _ofYouth[key] = remaining;
            }
        }

        foreach (var youth in known.Youths)
        {
            UpdateSiblings(youth.RevealNumber());
        }

        return true;
    }

    // Families change rarely and have a handful of youths; registrations walk the siblings on every call, so the work
    // of finding them (every family of the youth, each sibling once) is done here instead of there.
    private void UpdateSiblings(int key)
    {
        if (!_ofYouth.TryGetValue(key, out var families))
        {
            _siblings.Remove(key);
            return;
        }

        var keys = new List<int>();
        var through = new List<FamilyId>();
        foreach (var id in families)
        {
            foreach (var member in _families[id.Value].Youths)
            {
                var memberKey = member.RevealNumber();
                if (memberKey != key && !keys.Contains(memberKey))
                {
                    keys.Add(memberKey);
                    through.Add(id);
                }
            }
        }

        if (keys.Count == 0)
        {
            _siblings.Remove(key);
        }
        else
        {
            _siblings[key] = new Siblings([.. keys], [.. through]);
        }
    }
}
