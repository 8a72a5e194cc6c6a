using System.Collections.Generic;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;

namespace CareCoordination.Sdk.Storage;

/// <summary>
/// Assembles families from the rows a relational store keeps them in (family, role, member, in position order), so that
/// every store reads families the same way. Role 0 is a youth, role 1 a carer.
/// </summary>
internal sealed class StoredFamilyRows
{
    public const int YouthRole = 0;
    public const int CarerRole = 1;

    private readonly SortedDictionary<int, (List<Bsn> Youths, List<Bsn> Carers)> _families = [];

    public void Add(int family, int role, int member)
    {
        if (!_families.TryGetValue(family, out var lists))
        {
            lists = ([], []);
            _families[family] = lists;
        }

        (role == YouthRole ? lists.Youths : lists.Carers).Add(Bsn.FromStoredKey(member));
    }

    public IEnumerable<Family> Families()
    {
        foreach (var (id, lists) in _families)
        {
            yield return Family.Create(new FamilyId(id), lists.Youths, lists.Carers);
        }
    }

    /// <summary>The rows of a family, in position order: its youths, then its carers.</summary>
    public static IEnumerable<(int Position, int Role, int Member)> RowsOf(Family family)
    {
        var position = 0;
        foreach (var youth in family.Youths)
        {
            yield return (position++, YouthRole, youth.RevealNumber());
        }

        foreach (var carer in family.Carers)
        {
            yield return (position++, CarerRole, carer.RevealNumber());
        }
    }
}
