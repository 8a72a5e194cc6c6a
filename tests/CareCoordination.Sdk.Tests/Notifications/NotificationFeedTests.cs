using System;
using System.Linq;
using System.Threading.Tasks;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Notifications;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Signals;
using NodaTime.Testing;
using Xunit;

namespace CareCoordination.Sdk.Tests.Notifications;

public sealed class NotificationFeedTests
{
    private static readonly Sdk.Identity.Youth Sam = IndexScenario.YouthAged(TestBsns.First, 8);

    [Fact]
    public void A_match_puts_a_notification_in_the_feed_of_each_party_and_of_the_match_coordinator()
    {
        var (index, feed, _) = Open(new InMemoryCareCoordinationStore());

        index.Register(IndexScenario.By(TestRegion.School, Sam)).ThrowIfRefused();
        index.Register(IndexScenario.By(TestRegion.SocialWork, Sam)).ThrowIfRefused();

        var school = feed.Read(TestRegion.School, 0, 10);
        var socialWork = feed.Read(TestRegion.SocialWork, 0, 10);
        var reporterAtSchool = Assert.Single(school.Notifications, n => n.Notification.Role == NotificationRecipientRole.Reporter);
        Assert.Equal(TestRegion.SocialWork, Assert.Single(reporterAtSchool.Notification.OtherParties).Organisation);
        Assert.Contains(socialWork.Notifications, n => n.Notification.Role == NotificationRecipientRole.Reporter);
        var coordinator = reporterAtSchool.Notification.MatchCoordinator;
        Assert.Contains(feed.Read(coordinator, 0, 10).Notifications, n => n.Notification.Role == NotificationRecipientRole.MatchCoordinator);
        Assert.Equal(school.Notifications.Count, school.Cursor);
        Assert.All(school.Notifications, n => Assert.StartsWith("4-", n.Id, StringComparison.Ordinal));
    }

    [Fact]
    public void Reading_after_the_cursor_returns_only_what_came_since_in_pages_of_the_size_asked()
    {
        var (index, feed, _) = Open(new InMemoryCareCoordinationStore());
        index.Register(IndexScenario.By(TestRegion.School, Sam)).ThrowIfRefused();
        index.Register(IndexScenario.By(TestRegion.SocialWork, Sam)).ThrowIfRefused();
        var first = feed.Read(TestRegion.School, 0, 1000);

        var sara = IndexScenario.YouthAged(TestBsns.Second, 5);
        index.Register(IndexScenario.By(TestRegion.School, sara)).ThrowIfRefused();
        index.Register(IndexScenario.By(TestRegion.YouthHealthCare, sara)).ThrowIfRefused();
        var next = feed.Read(TestRegion.School, first.Cursor, 1);

        Assert.Single(next.Notifications);
        Assert.Equal(first.Cursor + 1, next.Notifications[0].Position);
        Assert.True(next.HasMore || feed.Read(TestRegion.School, next.Cursor, 1000).Notifications.Count == 0);
        Assert.Empty(first.Notifications.Select(n => n.Id).Intersect(feed.Read(TestRegion.School, first.Cursor, 1000).Notifications.Select(n => n.Id)));
    }

    [Fact]
    public void A_registration_whose_commit_fails_leaves_no_notification_and_its_positions_go_to_the_retry()
    {
        var store = new InMemoryCareCoordinationStore();
        var (index, feed, _) = Open(store);
        index.Register(IndexScenario.By(TestRegion.School, Sam)).ThrowIfRefused();

        store.FailNextCommit(new InvalidOperationException("disk full"));
        Assert.Throws<InvalidOperationException>(() => index.Register(IndexScenario.By(TestRegion.SocialWork, Sam)));

        Assert.Empty(feed.Read(TestRegion.School, 0, 10).Notifications);
        Assert.Empty(store.ReadStreams(StreamDocuments.NotificationFeed));
        index.Register(IndexScenario.By(TestRegion.SocialWork, Sam)).ThrowIfRefused();
        Assert.Equal(1, feed.Read(TestRegion.School, 0, 10).Notifications[0].Position);
    }

    [Fact]
    public void The_notifications_are_stored_with_the_registration_and_read_back_with_the_same_ids_after_a_restart()
    {
        var store = new InMemoryCareCoordinationStore();
        var (index, feed, clock) = Open(store);
        index.Register(IndexScenario.By(TestRegion.School, Sam)).ThrowIfRefused();
        index.Register(IndexScenario.By(TestRegion.SocialWork, Sam)).ThrowIfRefused();
        var before = feed.Read(TestRegion.School, 0, 10).Notifications;

        var reopened = new NotificationFeed(TestRegion.CreateDirectory(), clock, store);
        var after = reopened.Read(TestRegion.School, 0, 10).Notifications;

        Assert.Equal(before.Select(n => (n.Id, n.RecordedAt, n.Notification.Message)), after.Select(n => (n.Id, n.RecordedAt, n.Notification.Message)));
    }

    [Fact]
    public async Task A_reader_waiting_on_an_empty_feed_gets_the_notification_of_a_match_found_while_it_waits()
    {
        var (index, feed, _) = Open(new InMemoryCareCoordinationStore());
        index.Register(IndexScenario.By(TestRegion.School, Sam)).ThrowIfRefused();
        var waiting = feed.ReadAsync(TestRegion.School, 0, 10, TimeSpan.FromMinutes(10), System.Threading.CancellationToken.None);

        index.Register(IndexScenario.By(TestRegion.SocialWork, Sam)).ThrowIfRefused();

        Assert.NotEmpty((await waiting).Notifications);
    }

    [Fact]
    public void A_cursor_or_page_size_out_of_range_is_refused()
    {
        var feed = new NotificationFeed(TestRegion.CreateDirectory(), new FakeClock(IndexScenario.Start));

        Assert.Throws<ArgumentOutOfRangeException>(() => feed.Read(TestRegion.School, -1, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => feed.Read(TestRegion.School, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => feed.Read(TestRegion.School, 0, NotificationFeed.MaxPageSize + 1));
    }

    private static (ReferenceIndex Index, NotificationFeed Feed, FakeClock Clock) Open(InMemoryCareCoordinationStore store)
    {
        var clock = new FakeClock(IndexScenario.Start);
        var directory = TestRegion.CreateDirectory();
        var feed = new NotificationFeed(directory, clock, store);
        return (new ReferenceIndex(RegionPolicy.Default, directory, clock, store, [feed], null), feed, clock);
    }
}
