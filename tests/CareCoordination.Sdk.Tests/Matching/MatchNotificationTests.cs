using System;
using System.Linq;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Signals;
using Xunit;

namespace CareCoordination.Sdk.Tests.Matching;

/// <summary>The notification's text as its recipient reads it, in the host's language.</summary>
public sealed class MatchNotificationTests
{
    [Fact]
    public void A_reporter_reads_in_Dutch_who_else_is_involved_and_that_the_matchregisseur_checks_the_contact()
    {
        var (notifications, _) = MatchOnOneYouth(TestBsns.First);
        var toSocialWork = notifications.Single(n => n.Role == NotificationRecipientRole.Reporter && n.RecipientOrganisation == TestRegion.SocialWork);

        var dutch = UiCulture.In("nl-NL", () => toSocialWork.Message);
        var english = UiCulture.In("en-GB", () => toSocialWork.Message);

        var contact = Assert.Single(toSocialWork.OtherParties).Contact;
        Assert.Equal(
            $"Match in de verwijsindex op uw signaal {toSocialWork.Signal}: ook Basisschool De Regenboog (Dirk Visser, {contact.Phone}, {contact.Email}) is betrokken bij deze jeugdige. Neem contact met elkaar op; de matchregisseur gaat na of dat is gebeurd.",
            dutch);
        Assert.Equal(
            $"Match in the reference index on your signal {toSocialWork.Signal}: Basisschool De Regenboog (Dirk Visser, {contact.Phone}, {contact.Email}) is involved with this youth too. Contact each other; the match coordinator checks that you did.",
            english);
    }

    [Fact]
    public void The_match_coordinator_reads_every_party_and_is_asked_to_make_them_contact_each_other()
    {
        var (notifications, _) = MatchOnOneYouth(TestBsns.First);
        var toCoordinator = notifications.Single(n => n.Role == NotificationRecipientRole.MatchCoordinator);

        var dutch = UiCulture.In("nl-NL", () => toCoordinator.Message);

        Assert.StartsWith("Match in de verwijsindex waarvan u matchregisseur bent: ", dutch, StringComparison.Ordinal);
        Assert.Contains("Basisschool De Regenboog", dutch, StringComparison.Ordinal);
        Assert.Contains(") zijn betrokken.", dutch, StringComparison.Ordinal);
    }

    [Fact]
    public void A_family_match_says_in_either_language_only_that_it_concerns_different_youths()
    {
        var scenario = new IndexScenario();
        scenario.Index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [TestBsns.First, TestBsns.Second], []));
        scenario.Register(TestRegion.School, IndexScenario.YouthAged(TestBsns.First, 8));
        var match = scenario.Register(TestRegion.YouthHealthCare, IndexScenario.YouthAged(TestBsns.Second, 2)).Matches[0];
        var notification = new MatchNotifier(scenario.Directory).CreateNotifications(match).First(n => n.Role == NotificationRecipientRole.Reporter);

        Assert.EndsWith("De match betreft verschillende jeugdigen uit één gezin; welke jeugdigen wordt niet vermeld.", UiCulture.In("nl-NL", () => notification.Message), StringComparison.Ordinal);
        Assert.EndsWith("The match concerns different youths of one family; which youths is not said.", UiCulture.In("", () => notification.Message), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("en-GB")]
    [InlineData("nl-NL")]
    public void No_notification_in_any_language_names_the_youth_or_any_part_of_the_BSN(string culture)
    {
        foreach (var bsn in TestBsns.Generate(25, seed: 5).Append(TestBsns.First))
        {
            var (notifications, youth) = MatchOnOneYouth(bsn);

            var texts = UiCulture.In(culture, () => notifications.Select(n => n.Message).ToArray());

            Assert.Equal(3, texts.Length);
            Assert.All(texts, text =>
            {
                Assert.DoesNotContain(bsn.RevealDigits(), text, StringComparison.Ordinal);
                Assert.DoesNotContain(youth.Bsn.ToString(), text, StringComparison.Ordinal);
            });
        }
    }

    private static (MatchNotification[] Notifications, Youth Youth) MatchOnOneYouth(Bsn bsn)
    {
        var scenario = new IndexScenario();
        var youth = IndexScenario.YouthAged(bsn, 8);
        scenario.Register(TestRegion.School, youth);
        var match = scenario.Register(TestRegion.SocialWork, youth).Matches[0];
        return ([.. new MatchNotifier(scenario.Directory).CreateNotifications(match)], youth);
    }
}
