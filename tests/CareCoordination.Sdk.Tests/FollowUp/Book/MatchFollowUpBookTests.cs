using System;
using System.Linq;
using CareCoordination.Sdk.FollowUp;
using CareCoordination.Sdk.FollowUp.Book;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Signals;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CareCoordination.Sdk.Tests.FollowUp.Book;

public sealed class MatchFollowUpBookTests
{
    private static (IndexScenario Scenario, MatchFollowUpBook Book, Match Match) Matched()
    {
        var clock = new FakeClock(IndexScenario.Start);
        var book = new MatchFollowUpBook(RegionPolicy.Default, clock);
        var scenario = new IndexScenario(observers: [book], clock: clock);
        var youth = IndexScenario.YouthAged(TestBsns.First, 9);
        scenario.Register(TestRegion.School, youth);
        var match = Assert.Single(scenario.Register(TestRegion.YouthProtection, youth).Matches);
        return (scenario, book, match);
    }

    [Fact]
    public void A_registration_whose_commit_fails_leaves_no_follow_up_whether_the_book_keeps_a_store_or_not()
    {
        foreach (var withStore in new[] { true, false })
        {
            var store = new InMemoryCareCoordinationStore();
            var clock = new FakeClock(IndexScenario.Start);
            var book = new MatchFollowUpBook(RegionPolicy.Default, clock, withStore ? store : null);
            var index = new Sdk.Index.ReferenceIndex(RegionPolicy.Default, TestRegion.CreateDirectory(), clock, store, [book]);
            var youth = IndexScenario.YouthAged(TestBsns.First, 9);
            index.Register(IndexScenario.By(TestRegion.School, youth)).ThrowIfRefused();

            store.FailNextCommit(new InvalidOperationException("disk full"));
            Assert.Throws<InvalidOperationException>(() => index.Register(IndexScenario.By(TestRegion.YouthProtection, youth)));

            Assert.Empty(book.All);
            Assert.Empty(store.ReadStreams("match-follow-up"));
        }
    }

    [Fact]
    public void A_follow_up_step_whose_commit_fails_changes_nothing()
    {
        var store = new InMemoryCareCoordinationStore();
        var clock = new FakeClock(IndexScenario.Start);
        var book = new MatchFollowUpBook(RegionPolicy.Default, clock, store);
        var index = new Sdk.Index.ReferenceIndex(RegionPolicy.Default, TestRegion.CreateDirectory(), clock, store, [book]);
        var youth = IndexScenario.YouthAged(TestBsns.First, 9);
        index.Register(IndexScenario.By(TestRegion.School, youth)).ThrowIfRefused();
        var match = Assert.Single(index.Register(IndexScenario.By(TestRegion.YouthProtection, youth)).Matches);
        var before = Assert.Single(book.All);

        store.FailNextCommit(new InvalidOperationException("disk full"));
        Assert.Throws<InvalidOperationException>(() => book.RecordCentralContact(match.Signal, match.OtherSignal, TestRegion.YouthProtection, match.Reporter));
        clock.Advance(Duration.FromDays(11));
        store.FailNextCommit(new InvalidOperationException("disk full"));
        Assert.Throws<InvalidOperationException>(() => book.RemindOverdue());

        Assert.Equal(before, Assert.Single(book.All));
        Assert.Equal(before, Assert.Single(new MatchFollowUpBook(RegionPolicy.Default, clock, store).All));
    }

    [Fact]
    public void Every_match_the_index_finds_is_followed_up_by_its_match_coordinator_within_the_regions_deadline()
    {
        var (_, book, match) = Matched();

        var followUp = Assert.Single(book.All);

        Assert.Equal(match.MatchCoordinator, followUp.MatchCoordinator);
        Assert.Equal(TestRegion.YouthProtection, followUp.MatchCoordinator);
        Assert.Equal(IndexScenario.Today.PlusDays(10), followUp.DueOn);
        Assert.False(followUp.HasContact);
        Assert.Null(followUp.Aligned);
    }

    [Fact]
    public void The_match_coordinator_records_the_central_contact_and_that_the_signals_were_aligned()
    {
        var (scenario, book, match) = Matched();
        scenario.AdvanceDays(3);

        book.RecordCentralContact(match.OtherSignal, match.Signal, TestRegion.YouthProtection, match.OtherReporter);
        var followUp = book.RecordAligned(match.Signal, match.OtherSignal, TestRegion.YouthProtection, aligned: true);

        Assert.Equal(match.OtherReporter, followUp.CentralContact);
        Assert.Equal(TestRegion.School, followUp.ContactOrganisation);
        Assert.Equal(IndexScenario.Start + Duration.FromDays(3), followUp.ContactRecordedAt);
        Assert.True(followUp.Aligned);
        var overview = book.Overview();
        Assert.Equal(new FollowUpOverview(1, 1, 1, 0, 0, Duration.FromDays(3), 1), overview);
    }

    [Fact]
    public void Only_the_match_coordinator_records_and_only_a_matched_reporter_can_be_the_contact()
    {
        var (_, book, match) = Matched();

        var notCoordinator = Assert.Throws<FollowUpRefusedException>(() => book.RecordAligned(match.Signal, match.OtherSignal, TestRegion.School, true));
        Assert.Equal(TestRegion.YouthProtection, notCoordinator.MatchCoordinator);
        Assert.Throws<FollowUpRefusedException>(() => book.RecordCentralContact(match.Signal, match.OtherSignal, TestRegion.YouthProtection, TestRegion.ReporterOf(TestRegion.SocialWork)));
        Assert.Equal("match-" + match.Signal.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-99", Assert.Throws<NotFoundException>(() => book.RecordAligned(match.Signal, new Sdk.Signals.SignalId(99), TestRegion.YouthProtection, true)).What);
        Assert.False(Assert.Single(book.All).HasContact);
        Assert.Null(Assert.Single(book.All).Aligned);
    }

    [Fact]
    public void Without_a_contact_by_the_deadline_the_match_coordinator_is_reminded_once()
    {
        var (scenario, book, match) = Matched();
        scenario.AdvanceDays(10);
        Assert.Empty(book.RemindOverdue());

        scenario.AdvanceDays(1);
        var reminder = Assert.Single(book.RemindOverdue());

        Assert.Equal(TestRegion.YouthProtection, reminder.MatchCoordinator);
        Assert.Contains("03-12-2026", reminder.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestBsns.First.RevealDigits(), reminder.Message, StringComparison.Ordinal);
        Assert.Empty(book.RemindOverdue());
        Assert.Equal(1, book.Overview().Overdue);
        Assert.Equal(1, book.Overview().Reminded);
        Assert.NotNull(match.Signal.ToString());
    }

    [Property(MaxTest = 200)]
    public void A_match_is_reminded_exactly_when_no_contact_was_recorded_by_its_deadline(byte contactAfterDays, bool recordsContact, byte checkAfterDays)
    {
        var (scenario, book, match) = Matched();
        var reminded = 0;
        var contactDay = contactAfterDays % 30;
        var lastDay = checkAfterDays % 40;
        for (var day = 0; day <= lastDay; day++)
        {
            if (recordsContact && day == contactDay)
            {
                book.RecordCentralContact(match.Signal, match.OtherSignal, TestRegion.YouthProtection, match.Reporter);
            }

            reminded += book.RemindOverdue().Count;
            scenario.AdvanceDays(1);
        }

        // Day 11 is the first past the deadline (found on day 0, due on day 10); each day the contact, if any, is
        // recorded before the daily reminder run, so a contact on day 11 still prevents the reminder.
        var contactInTime = recordsContact && contactDay <= 11;
        var expected = !contactInTime && lastDay >= 11 ? 1 : 0;
        PropertyCheck.That(reminded == expected, $"expected {expected} reminders, got {reminded}");
        PropertyCheck.That(book.Overview().Reminded == expected, "the overview counts another number of reminders");
    }
}
