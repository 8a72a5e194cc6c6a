using System;
using System.Linq;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Signals;
using Xunit;

namespace CareCoordination.Sdk.Tests.Matching;

public sealed class MatchNotifierTests
{
    [Fact]
    public void Each_reporter_learns_only_the_other_partys_identity_and_contact_details_and_the_coordinator_learns_both()
    {
        var scenario = new IndexScenario();
        var youth = IndexScenario.YouthAged(TestBsns.First, 8);
        scenario.Register(TestRegion.School, youth);
        var match = scenario.Register(TestRegion.SocialWork, youth).Matches[0];

        var notifications = new MatchNotifier(scenario.Directory).CreateNotifications(match);

        var toSocialWork = Assert.Single(notifications, n => n.Role == NotificationRecipientRole.Reporter && n.RecipientOrganisation == TestRegion.SocialWork);
        var party = Assert.Single(toSocialWork.OtherParties);
        Assert.Equal(new MatchParty(TestRegion.School, "Basisschool De Regenboog", "Dirk Visser", scenario.Directory.GetProfessional(TestRegion.ReporterOf(TestRegion.School)).Contact), party);
        var toSchool = Assert.Single(notifications, n => n.Role == NotificationRecipientRole.Reporter && n.RecipientOrganisation == TestRegion.School);
        Assert.Equal(TestRegion.SocialWork, Assert.Single(toSchool.OtherParties).Organisation);
        Assert.Equal(match.OtherSignal, toSchool.Signal);
        var toCoordinator = Assert.Single(notifications, n => n.Role == NotificationRecipientRole.MatchCoordinator);
        Assert.Equal(TestRegion.SocialWork, toCoordinator.RecipientOrganisation);
        Assert.Equal(2, toCoordinator.OtherParties.Count);
        Assert.All(notifications, n => Assert.False(n.ConcernsDifferentYouths));
    }

    [Fact]
    public void The_organisation_coordinator_gets_a_copy()
    {
        var scenario = new IndexScenario();
        var school = scenario.Directory.GetOrganisation(TestRegion.School);
        scenario.Directory.AddOrReplace(school.WithOrganisationCoordinator(TestRegion.UndesignatedOf(TestRegion.School)));
        var youth = IndexScenario.YouthAged(TestBsns.First, 8);
        scenario.Register(TestRegion.School, youth);
        var match = scenario.Register(TestRegion.SocialWork, youth).Matches[0];

        var copy = Assert.Single(new MatchNotifier(scenario.Directory).CreateNotifications(match), n => n.Role == NotificationRecipientRole.OrganisationCoordinator);

        Assert.Equal(TestRegion.UndesignatedOf(TestRegion.School), copy.RecipientProfessional);
        Assert.Equal(TestRegion.SocialWork, Assert.Single(copy.OtherParties).Organisation);
    }

    [Fact]
    public void A_family_match_says_only_that_it_concerns_different_youths()
    {
        var scenario = new IndexScenario();
        scenario.Index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [TestBsns.First, TestBsns.Second], []));
        scenario.Register(TestRegion.School, IndexScenario.YouthAged(TestBsns.First, 8));
        var match = scenario.Register(TestRegion.YouthHealthCare, IndexScenario.YouthAged(TestBsns.Second, 2)).Matches[0];

        var notifications = new MatchNotifier(scenario.Directory).CreateNotifications(match);

        Assert.All(notifications, n => Assert.True(n.ConcernsDifferentYouths));
        Assert.All(notifications, n => Assert.DoesNotContain(TestBsns.First.RevealDigits(), n.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(typeof(MatchNotification).GetProperties(), p => p.PropertyType == typeof(Sdk.Identity.Bsn));
    }

    [Fact]
    public void An_empty_match_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new MatchNotifier(new OrganisationDirectory()).CreateNotifications(default));
    }
}
