using System;
using System.Linq;
using System.Text;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Logbook;
using CareCoordination.Sdk.Logbook.Book;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Signals;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CareCoordination.Sdk.Tests.Logbook.Book;

public sealed class SignalLogbookTests
{
    private static readonly Sdk.Identity.Youth Sam = IndexScenario.YouthAged(TestBsns.First, 8);
    private static readonly Actor PrivacyOfficer = new("privacy-officer", ActorRole.Auditor, TestRegion.YouthAndFamilyCentre, null, "Audit console");

    [Fact]
    public void The_logbook_keeps_who_signalled_was_notified_and_withdrew_and_when_after_the_signal_is_gone()
    {
        var (index, logbook, audit, clock) = Open(new InMemoryCareCoordinationStore());
        var school = index.Register(IndexScenario.By(TestRegion.School, Sam)).Signal!;
        clock.Advance(Duration.FromHours(2));
        index.Register(IndexScenario.By(TestRegion.SocialWork, Sam)).ThrowIfRefused();
        clock.Advance(Duration.FromDays(3));
        index.Withdraw(Sam.Bsn, TestRegion.School, WithdrawalReason.ErasureRequested);

        var lines = logbook.Read(PrivacyOfficer, Sam.Bsn);

        Assert.DoesNotContain(index.GetActiveSignals(Sam.Bsn), s => s.Organisation == TestRegion.School);
        Assert.Equal(
            [LogbookEvent.Signalled, LogbookEvent.Signalled, LogbookEvent.Notified, LogbookEvent.Notified, LogbookEvent.Withdrawn, LogbookEvent.Removed],
            lines.Select(l => l.Event));
        var signalled = lines[0];
        Assert.Equal((TestRegion.School, TestRegion.ReporterOf(TestRegion.School), school.Id, IndexScenario.Start), (signalled.Organisation, signalled.Reporter, signalled.Signal, signalled.At));
        Assert.All(lines, l => Assert.Equal(audit.Pseudonymiser.Of(Sam.Bsn), l.Youth));
        Assert.Equal((AuditAction.Read, DataCategory.AuditTrail), (audit.Export()[^1].Action, audit.Export()[^1].Data));
    }

    [Fact]
    public void The_logbook_is_stored_with_the_change_that_caused_it_comes_back_after_a_restart_and_holds_no_BSN()
    {
        var store = new InMemoryCareCoordinationStore();
        var (index, _, _, _) = Open(store);
        index.Register(IndexScenario.By(TestRegion.School, Sam)).ThrowIfRefused();
        index.Register(IndexScenario.By(TestRegion.SocialWork, Sam)).ThrowIfRefused();

        store.FailNextCommit(new InvalidOperationException("disk full"));
        Assert.Throws<InvalidOperationException>(() => index.Register(IndexScenario.By(TestRegion.YouthHealthCare, Sam)));

        var (_, reopened, _, _) = Open(store);
        Assert.Equal(4, reopened.Read(PrivacyOfficer, IndexScenario.Today, IndexScenario.Today).Count);
        var stored = string.Concat(store.ReadStreams(StreamDocuments.Logbook).SelectMany(s => s.Events).Select(e => e.Json));
        Assert.DoesNotContain(Sam.Bsn.RevealDigits(), stored, StringComparison.Ordinal);
    }

    [Fact]
    public void A_day_is_erased_once_the_regions_retention_has_passed_and_not_before()
    {
        var policy = RegionPolicy.Create(new RegionPolicyOptions { LogbookRetentionInMonths = 12 });
        var store = new InMemoryCareCoordinationStore();
        var (index, logbook, _, _) = Open(store, policy);
        index.Register(IndexScenario.By(TestRegion.School, Sam)).ThrowIfRefused();

        Assert.Equal(0, logbook.Purge(IndexScenario.Today.PlusMonths(12)));
        Assert.Equal(1, logbook.Purge(IndexScenario.Today.PlusMonths(12).PlusDays(1)));

        Assert.Empty(logbook.Read(PrivacyOfficer, Sam.Bsn));
        Assert.Empty(Open(store, policy).Logbook.Read(PrivacyOfficer, Sam.Bsn));
    }

    [Fact]
    public void Only_the_privacy_officer_reads_the_logbook_and_a_refusal_is_recorded_for_review()
    {
        var (index, logbook, audit, _) = Open(new InMemoryCareCoordinationStore());
        index.Register(IndexScenario.By(TestRegion.School, Sam)).ThrowIfRefused();
        var reporter = new Actor("user-4", ActorRole.Reporter, TestRegion.School, TestRegion.ReporterOf(TestRegion.School), "Vendor client");

        Assert.Throws<AccessDeniedException>(() => logbook.Read(reporter, Sam.Bsn));

        Assert.Equal(AuditAction.Refused, Assert.Single(audit.FlaggedForReview(PrivacyOfficer)).Action);
    }

    private static (ReferenceIndex Index, SignalLogbook Logbook, AuditTrail Audit, FakeClock Clock) Open(InMemoryCareCoordinationStore store, RegionPolicy? policy = null)
    {
        var clock = new FakeClock(IndexScenario.Start);
        var audit = new AuditTrail(TestKeys.Pseudonymiser, TestKeys.AuditChain, clock);
        var logbook = new SignalLogbook(policy ?? RegionPolicy.Default, audit, store);
        return (new ReferenceIndex(policy ?? RegionPolicy.Default, TestRegion.CreateDirectory(), clock, store, [logbook], null), logbook, audit, clock);
    }
}
