using System;
using System.Linq;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Signals;
using Xunit;
using static CareCoordination.Sdk.Tests.Signals.IndexScenario;

namespace CareCoordination.Sdk.Tests.Index;

public sealed class ReferenceIndexAddressMatchTests
{
    private static readonly Bsn[] People = TestBsns.Generate(8, seed: 67);
    private static readonly AddressKey Home = AddressKey.Create("3511 AB", 8, "a");
    private static readonly AddressKey Shelter = AddressKey.Create("3511AB", 20);

    [Fact]
    public void Youths_of_two_households_registered_at_one_address_match_and_are_told_only_that_it_concerns_another_youth()
    {
        var (lodger, landlordsSon) = (People[0], People[1]);
        var scenario = new IndexScenario();
        scenario.Index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [lodger], [], Home));
        scenario.Index.AddOrReplaceFamily(Family.Create(new FamilyId(2), [landlordsSon], [People[5]], AddressKey.Parse("3511ab 8 A")));
        scenario.Register(TestRegion.School, YouthAged(lodger, 15));

        var result = scenario.Register(TestRegion.YouthHealthCare, YouthAged(landlordsSon, 10));

        var match = Assert.Single(result.Matches);
        Assert.Equal(MatchKind.Address, match.Kind);
        Assert.True(match.ConcernsAnotherYouth);
        Assert.Equal(landlordsSon, match.Youth);
        Assert.Null(match.Family);
        Assert.Single(scenario.Index.GetMatches(lodger), m => m.Kind == MatchKind.Address && m.Youth == lodger);
        var notification = new MatchNotifier(scenario.Directory).CreateNotifications(match).First(n => n.Role == NotificationRecipientRole.Reporter);
        Assert.True(notification.ConcernsDifferentYouths);
        Assert.EndsWith("The match concerns different youths registered at one address; which youths is not said.", UiCulture.In("", () => notification.Message), StringComparison.Ordinal);
        Assert.EndsWith("De match betreft verschillende jeugdigen die op één adres wonen; welke jeugdigen wordt niet vermeld.", UiCulture.In("nl-NL", () => notification.Message), StringComparison.Ordinal);
    }

    [Fact]
    public void Youths_registered_at_an_institution_the_region_designated_do_not_match_by_address()
    {
        var options = new RegionPolicyOptions();
        options.InstitutionAddresses.Add("3511 AB 20");
        var scenario = new IndexScenario(RegionPolicy.Create(options));
        scenario.Index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [People[0]], [], Shelter));
        scenario.Index.AddOrReplaceFamily(Family.Create(new FamilyId(2), [People[1]], [], Shelter));
        scenario.Register(TestRegion.School, YouthAged(People[0], 15));

        Assert.Equal(0, scenario.Register(TestRegion.YouthHealthCare, YouthAged(People[1], 14)).MatchCount);
    }

    [Fact]
    public void Siblings_at_one_address_match_once_as_a_family()
    {
        var (first, second) = (People[0], People[1]);
        var scenario = new IndexScenario();
        scenario.Index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [first, second], [People[5]], Home));
        scenario.Index.AddOrReplaceFamily(Family.Create(new FamilyId(2), [second], [People[6]], Home));
        scenario.Register(TestRegion.School, YouthAged(first, 12));

        var match = Assert.Single(scenario.Register(TestRegion.SocialWork, YouthAged(second, 9)).Matches);

        Assert.Equal(MatchKind.Family, match.Kind);
    }

    [Fact]
    public void A_pseudonymised_store_written_before_addresses_were_keyed_still_matches_its_households_at_one_address()
    {
        var keying = Sdk.Storage.YouthKeying.Pseudonymised(SharedPseudonymiser);
        var store = new InMemoryCareCoordinationStore();
        store.WriteYouthKeying(keying.Fingerprint);
        store.SaveFamily(new Sdk.Storage.StoredFamily(new FamilyId(1), [keying.KeyOf(People[0])], []) { Address = Home });
        store.SaveFamily(new Sdk.Storage.StoredFamily(new FamilyId(2), [keying.KeyOf(People[1])], []) { Address = Home });
        var clock = new NodaTime.Testing.FakeClock(Start);
        var index = new Sdk.Index.ReferenceIndex(RegionPolicy.Default, TestRegion.CreateDirectory(), clock, store, null, SharedPseudonymiser);
        index.Register(By(TestRegion.School, YouthAged(People[0], 15))).ThrowIfRefused();

        Assert.Equal(MatchKind.Address, Assert.Single(index.Register(By(TestRegion.SocialWork, YouthAged(People[1], 9))).Matches).Kind);
    }

    [Fact]
    public void A_pseudonymised_index_matches_by_address_and_keeps_the_address_only_as_its_keyed_hash()
    {
        var scenario = new IndexScenario(pseudonymiser: SharedPseudonymiser);
        scenario.Index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [People[0]], [], Home));
        scenario.Index.AddOrReplaceFamily(Family.Create(new FamilyId(2), [People[1]], [], Home));
        scenario.Register(TestRegion.School, YouthAged(People[0], 15));

        Assert.Equal(MatchKind.Address, Assert.Single(scenario.Register(TestRegion.SocialWork, YouthAged(People[1], 9)).Matches).Kind);
        var kept = Assert.Single(scenario.Index.GetFamiliesOf(People[1])).Address!.Value;
        Assert.True(kept.IsKeyed);
        Assert.Equal(Sdk.Storage.YouthKeying.Pseudonymised(SharedPseudonymiser).KeyOf(Home), kept);
        Assert.DoesNotContain("3511", kept.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pseudonymised_family_replaced_at_its_address_and_then_moved_matches_at_its_new_address()
    {
        var scenario = new IndexScenario(pseudonymiser: SharedPseudonymiser);
        var elsewhere = AddressKey.Create("1012 AB", 3);
        scenario.Index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [People[0]], [], Home));
        scenario.Index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [People[0]], [People[2]], Home));
        scenario.Index.AddOrReplaceFamily(Family.Create(new FamilyId(2), [People[1]], [], elsewhere));
        scenario.Register(TestRegion.School, YouthAged(People[0], 15));

        scenario.Index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [People[0]], [People[2]], elsewhere));

        Assert.Equal(MatchKind.Address, Assert.Single(scenario.Register(TestRegion.SocialWork, YouthAged(People[1], 9)).Matches).Kind);
        var family = Assert.Single(scenario.Index.GetFamiliesOf(People[0]));
        Assert.Equal(Sdk.Storage.YouthKeying.Pseudonymised(SharedPseudonymiser).KeyOf(elsewhere), family.Address);
        Assert.Equal([People[2]], family.Carers);
    }
}
