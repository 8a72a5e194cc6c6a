using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Families;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace CareCoordination.Sdk.Tests.Matching;

public sealed class FamilyTableTests
{
    private static readonly Bsn[] People = TestBsns.Generate(12, seed: 23);
    private static readonly HashSet<AddressKey> NoInstitutions = [];

    [Fact]
    public void Half_siblings_in_different_households_are_siblings_through_the_parent_they_share()
    {
        var (first, second, father, mother, otherMother) = (People[0], People[1], People[2], People[3], People[4]);
        var table = new FamilyTable(CareCoordination.Sdk.Regions.RegionPolicy.Default.InstitutionAddresses, new YouthRows());
        table.AddOrReplace(Family.Create(new FamilyId(1), [first], [father, mother]));
        table.AddOrReplace(Family.Create(new FamilyId(2), [second], [otherMother, father]));

        Assert.Equal([Key(second)], Siblings(table, first).Select(s => s.Key));
        Assert.Equal([new FamilyId(1)], Siblings(table, first).Select(s => s.Family));
        Assert.Equal([Key(first)], Siblings(table, second).Select(s => s.Key));
        Assert.Equal([new FamilyId(2)], Siblings(table, second).Select(s => s.Family));
    }

    [Fact]
    public void Forgetting_the_family_that_names_the_shared_parent_ends_the_link_for_both_youths()
    {
        var (first, second, father) = (People[0], People[1], People[2]);
        var table = new FamilyTable(CareCoordination.Sdk.Regions.RegionPolicy.Default.InstitutionAddresses, new YouthRows());
        table.AddOrReplace(Family.Create(new FamilyId(1), [first], [father]));
        table.AddOrReplace(Family.Create(new FamilyId(2), [second], [father]));

        table.AddOrReplace(Family.Create(new FamilyId(2), [second], [People[5]]));

        Assert.Empty(Siblings(table, first));
        Assert.Empty(Siblings(table, second));
    }

    [Fact]
    public void A_youth_s_only_brother_is_found_through_their_household_before_and_after_a_sister_comes_and_goes()
    {
        var (first, brother, sister, mother, neighbour) = (People[0], People[1], People[2], People[3], People[4]);
        var table = new FamilyTable(CareCoordination.Sdk.Regions.RegionPolicy.Default.InstitutionAddresses, new YouthRows());
        var address = AddressKey.Create("1234AB", 5);

        table.AddOrReplace(Family.Create(new FamilyId(7), [first, brother], [mother], address));
        Assert.Equal([new Sibling(Key(brother), new FamilyId(7), MatchKind.Family)], Siblings(table, first));

        table.AddOrReplace(Family.Create(new FamilyId(7), [first, brother, sister], [mother], address));
        Assert.Equal([Key(brother), Key(sister)], Siblings(table, first).Select(s => s.Key));

        table.AddOrReplace(Family.Create(new FamilyId(7), [first, brother], [mother], address));
        Assert.Equal([new Sibling(Key(brother), new FamilyId(7), MatchKind.Family)], Siblings(table, first));
        Assert.Equal([new Sibling(Key(first), new FamilyId(7), MatchKind.Family)], Siblings(table, brother));
        Assert.Empty(Siblings(table, sister));

        // One address mate alone is no sibling: it is found by address, through the youth's own family.
        table.AddOrReplace(Family.Create(new FamilyId(7), [first], [mother], address));
        table.AddOrReplace(Family.Create(new FamilyId(8), [neighbour], [People[5]], address));
        Assert.Equal([new Sibling(Key(neighbour), new FamilyId(7), MatchKind.Address)], Siblings(table, first));
        Assert.Empty(Siblings(table, brother));

        table.Remove(new FamilyId(8));
        Assert.Empty(Siblings(table, first));
    }

    [Fact]
    public void A_teenage_parent_and_her_own_child_are_not_siblings()
    {
        var (mother, baby, grandmother, brother) = (People[0], People[1], People[2], People[3]);
        var table = new FamilyTable(CareCoordination.Sdk.Regions.RegionPolicy.Default.InstitutionAddresses, new YouthRows());
        table.AddOrReplace(Family.Create(new FamilyId(1), [mother, brother], [grandmother]));
        table.AddOrReplace(Family.Create(new FamilyId(2), [baby], [mother]));

        Assert.Empty(Siblings(table, baby));
        Assert.Equal([Key(brother)], Siblings(table, mother).Select(s => s.Key));
    }

    [Fact]
    public void Youths_are_siblings_exactly_when_they_share_a_household_or_a_parent_whatever_the_order_of_family_changes()
    {
        // A change: family 1-4 set to some youths (0-5) and parents (6-11), or forgotten when it has no youths.
        var change = Gen.Choose(1, 4).SelectMany(id => Gen.SubListOf(Enumerable.Range(0, 6).ToArray())
            .SelectMany(youths => Gen.SubListOf(Enumerable.Range(6, 6).ToArray()).Select(parents => (Id: id, Youths: youths.ToArray(), Parents: parents.ToArray()))));
        var property = Prop.ForAll(Arb.From(change.ArrayOf()), ((int Id, int[] Youths, int[] Parents)[] changes) =>
        {
            var table = new FamilyTable(CareCoordination.Sdk.Regions.RegionPolicy.Default.InstitutionAddresses, new YouthRows());
            var model = new Dictionary<int, (int[] Youths, int[] Parents)>();
            foreach (var (id, youths, parents) in changes)
            {
                if (youths.Length == 0)
                {
                    table.Remove(new FamilyId(id));
                    model.Remove(id);
                }
                else
                {
                    table.AddOrReplace(Family.Create(new FamilyId(id), youths.Select(i => People[i]), parents.Select(i => People[i])));
                    model[id] = (youths, parents);
                }
            }

            for (var a = 0; a < 6; a++)
            {
                for (var b = 0; b < 6; b++)
                {
                    var expected = a != b && Related(model, a, b);
                    var actual = Siblings(table, People[a]).Any(s => s.Key == Key(People[b]));
                    PropertyCheck.That(expected == actual, $"youths {a} and {b}: siblings {actual}, but they {(expected ? "share" : "share no")} household or parent");
                }

                int[] siblings = [.. Siblings(table, People[a]).Select(s => s.Key)];
                PropertyCheck.That(siblings.Distinct().Count() == siblings.Length, $"youth {a} has a sibling twice");
                foreach (var sibling in Siblings(table, People[a]))
                {
                    var b = System.Array.FindIndex(People, p => Key(p) == sibling.Key);
                    PropertyCheck.That(
                        sibling.Kind == MatchKind.Family && Through(model, sibling.Family.Value, a, b),
                        $"youth {a} finds {b} as {sibling.Kind} through family {sibling.Family}, which links them through no household or parent of its");
                }
            }
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    [Fact]
    public void Youths_of_two_households_at_one_address_are_address_mates_and_a_sibling_stays_a_sibling()
    {
        var (first, second, neighbour, parent) = (People[0], People[1], People[2], People[6]);
        var address = AddressKey.Create("1234AB", 12);
        var table = new FamilyTable(NoInstitutions, new YouthRows());
        table.AddOrReplace(Family.Create(new FamilyId(1), [first, second], [parent], address));
        table.AddOrReplace(Family.Create(new FamilyId(2), [neighbour], [], AddressKey.Parse("1234 ab 12")));

        var ofFirst = Siblings(table, first);
        Assert.Equal([Key(second), Key(neighbour)], ofFirst.Select(s => s.Key));
        Assert.Equal([MatchKind.Family, MatchKind.Address], ofFirst.Select(s => s.Kind));
        Assert.Equal([new FamilyId(1), new FamilyId(1)], ofFirst.Select(s => s.Family));
        Assert.Equal([MatchKind.Address, MatchKind.Address], Siblings(table, neighbour).Select(s => s.Kind));

        table.AddOrReplace(Family.Create(new FamilyId(2), [neighbour], [], AddressKey.Create("1234AB", 14)));

        Assert.Empty(Siblings(table, neighbour));
        Assert.Equal([Key(second)], Siblings(table, first).Select(s => s.Key));
    }

    [Fact]
    public void Youths_registered_at_an_institution_s_address_are_not_address_mates()
    {
        var (first, second) = (People[0], People[1]);
        var institution = AddressKey.Create("1234AB", 1);
        var table = new FamilyTable(new HashSet<AddressKey> { institution }, new YouthRows());
        table.AddOrReplace(Family.Create(new FamilyId(1), [first], [], institution));
        table.AddOrReplace(Family.Create(new FamilyId(2), [second], [], institution));

        Assert.Empty(Siblings(table, first));
        Assert.Empty(Siblings(table, second));
    }

    [Fact]
    public void Address_matches_are_symmetric_and_an_institution_s_address_never_matches_whatever_the_order_of_family_changes()
    {
        // Addresses 0-2, of which 0 is an institution's; a change sets family 1-4 to some youths (0-5) at an address (or
        // none), or forgets it when it has no youths.
        var addresses = new[] { AddressKey.Create("1011AA", 1), AddressKey.Create("1011AA", 2), AddressKey.Create("1011AA", 2, "A") };
        var institutions = new HashSet<AddressKey> { addresses[0] };
        var change = Gen.Choose(1, 4).SelectMany(id => Gen.SubListOf(Enumerable.Range(0, 6).ToArray())
            .SelectMany(youths => Gen.Choose(-1, 2).Select(address => (Id: id, Youths: youths.ToArray(), Address: address))));
        var property = Prop.ForAll(Arb.From(change.ArrayOf()), ((int Id, int[] Youths, int Address)[] changes) =>
        {
            var table = new FamilyTable(institutions, new YouthRows());
            var model = new Dictionary<int, (int[] Youths, int Address)>();
            foreach (var (id, youths, address) in changes)
            {
                if (youths.Length == 0)
                {
                    table.Remove(new FamilyId(id));
                    model.Remove(id);
                }
                else
                {
                    table.AddOrReplace(Family.Create(new FamilyId(id), youths.Select(i => People[i]), [], address < 0 ? null : addresses[address]));
                    model[id] = (youths, address);
                }
            }

            for (var a = 0; a < 6; a++)
            {
                for (var b = 0; b < 6; b++)
                {
                    var there = KindBetween(table, a, b);
                    var back = KindBetween(table, b, a);
                    PropertyCheck.That(there == back, $"youths {a} and {b}: {there} one way, {back} the other");
                    var household = model.Values.Any(f => f.Youths.Contains(a) && f.Youths.Contains(b));
                    var mates = model.Values.Any(f => f.Youths.Contains(a) && f.Address > 0
                        && model.Values.Any(g => g.Youths.Contains(b) && g.Address == f.Address));
                    var expected = a == b ? (MatchKind?)null : household ? MatchKind.Family : mates ? MatchKind.Address : null;
                    PropertyCheck.That(there == expected, $"youths {a} and {b}: {there?.ToString() ?? "no match"}, expected {expected?.ToString() ?? "no match"}");
                }
            }
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    private static MatchKind? KindBetween(FamilyTable table, int a, int b)
    {
        var siblings = Siblings(table, People[a]);
        var i = System.Array.FindIndex(siblings, s => s.Key == Key(People[b]));
        return i < 0 ? null : siblings[i].Kind;
    }

    // Whether youth a's family links it to b: b lives in it, or in a family with one of its parents.
    private static bool Through(Dictionary<int, (int[] Youths, int[] Parents)> model, int family, int a, int b) =>
        model.TryGetValue(family, out var via) && via.Youths.Contains(a)
        && (via.Youths.Contains(b) || model.Values.Any(f => f.Youths.Contains(b) && f.Parents.Any(via.Parents.Contains)));

    private static bool Related(Dictionary<int, (int[] Youths, int[] Parents)> model, int a, int b)
    {
        var parentsOfA = model.Values.Where(f => f.Youths.Contains(a)).SelectMany(f => f.Parents).ToHashSet();
        return model.Values.Any(f => f.Youths.Contains(a) && f.Youths.Contains(b))
            || model.Values.Any(f => f.Youths.Contains(b) && f.Parents.Any(parentsOfA.Contains));
    }

    private static Sibling[] Siblings(FamilyTable table, Bsn youth) => table.SiblingsOf(Key(youth)).ToArray();

    private static int Key(Bsn bsn) => bsn.RevealNumber();
}
