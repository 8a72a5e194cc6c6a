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

    /// <summary>Gets every family, for the rare operations that must look at all of them.</summary>
    public IEnumerable<Family> All => _families.Values;

    /// <summary>Finds a family.</summary>
    public Family? Find(FamilyId family) => _families.GetValueOrDefault(family.Value);

    /// <summary>The families of a youth by its key, or <see langword="null"/> when it belongs to none; cheap when the index knows no families at all.</summary>
    public FamilyId[]? OfYouth(int key) => _ofYouth.Count > 0 && _ofYouth.TryGetValue(key, out var families) ? families : null;

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

        return true;
    }
}
