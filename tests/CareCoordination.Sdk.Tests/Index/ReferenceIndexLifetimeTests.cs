using System.Linq;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Signals.Events;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Signals;
using FsCheck.Xunit;
using NodaTime;
using Xunit;
using static CareCoordination.Sdk.Tests.Signals.IndexScenario;

namespace CareCoordination.Sdk.Tests.Index;

/// <summary>Domain rule 4 exactly as the law has it: the dates decide, not the daily job.</summary>
public sealed class ReferenceIndexLifetimeTests
{
    private static readonly Bsn Sam = TestBsns.First;

    [Fact]
    public void A_signal_past_its_end_date_is_not_matched_shown_or_counted_before_the_daily_job_ran()
    {
        var scenario = new IndexScenario();
        var youth = YouthAged(Sam, 8);
        scenario.Register(TestRegion.YouthHealthCare, youth);
        scenario.AdvanceDays(731);

        var later = scenario.Register(TestRegion.SocialWork, youth);

        Assert.Equal(MatchKind.Archived, Assert.Single(later.Matches).Kind);
        Assert.Equal(TestRegion.SocialWork, Assert.Single(scenario.Index.GetActiveSignals(Sam)).Organisation);
        Assert.Equal(1, scenario.Index.ActiveSignalCount);
        Assert.Equal(1, scenario.Index.ArchivedSignalCount);
        Assert.Equal(1, scenario.Index.SignalledYouthCount);
        Assert.Empty(scenario.Index.GetMatches(Sam));
        var archived = Assert.Single(scenario.Index.GetArchivedSignals(Sam));
        Assert.Equal(Today.PlusYears(2), archived.ArchivedOn);
        Assert.True(archived.OfferedAsMatch);
    }

    [Fact]
    public void The_daily_job_archives_as_of_the_end_date_and_offers_an_already_offered_signal_no_second_time()
    {
        var scenario = new IndexScenario();
        var youth = YouthAged(Sam, 8);
        scenario.Register(TestRegion.YouthHealthCare, youth);
        scenario.AdvanceDays(740);
        scenario.Register(TestRegion.SocialWork, youth);

        var report = scenario.Index.ExpireDue();
        scenario.Index.Withdraw(Sam, TestRegion.SocialWork, WithdrawalReason.Unjustified);
        var again = scenario.Register(TestRegion.School, youth);

        Assert.Equal(1, report.Archived);
        Assert.Equal(Today.PlusYears(2), Assert.Single(scenario.EventsOf<SignalArchived>()).ArchivedOn);
        Assert.Equal(0, again.MatchCount);
    }

    [Fact]
    public void Registering_again_after_the_end_date_makes_a_new_signal_instead_of_renewing_the_ended_one()
    {
        var scenario = new IndexScenario();
        var youth = YouthAged(Sam, 8);
        var first = scenario.Register(TestRegion.YouthHealthCare, youth).Signal;
        scenario.AdvanceDays(731);

        var second = scenario.Register(TestRegion.YouthHealthCare, youth);

        Assert.Equal(RegistrationOutcome.Registered, second.Outcome);
        Assert.NotEqual(first.Id, second.Signal.Id);
        Assert.Throws<NotFoundException>(() => scenario.Index.Withdraw(Sam, TestRegion.SocialWork, WithdrawalReason.Unjustified));
        Assert.Equal(first.Id, Assert.Single(scenario.Index.GetArchivedSignals(Sam)).Signal.Id);
    }

    [Fact]
    public void An_archived_signal_is_gone_after_the_archive_period_even_before_the_daily_job_ran()
    {
        var scenario = new IndexScenario();
        var youth = YouthAged(Sam, 5);
        scenario.Register(TestRegion.YouthHealthCare, youth);
        scenario.Index.Withdraw(Sam, TestRegion.YouthHealthCare, WithdrawalReason.RiskGone);
        scenario.AdvanceDays(Period.Between(Today, Today.PlusYears(5), PeriodUnits.Days).Days - 1);
        Assert.Single(scenario.Index.GetArchivedSignals(Sam));

        scenario.AdvanceDays(1);

        Assert.Empty(scenario.Index.GetArchivedSignals(Sam));
        Assert.Equal(0, scenario.Index.ArchivedSignalCount);
        Assert.Equal(0, scenario.Register(TestRegion.SocialWork, youth).MatchCount);
        var report = scenario.Index.ExpireDue();
        Assert.Equal(1, report.DeletedFromArchive);
        Assert.Equal(SignalEndReason.ArchivePeriodEnded, Assert.Single(scenario.EventsOf<SignalRemoved>()).Reason);
    }

    [Theory]
    [InlineData(WithdrawalReason.ObjectionUpheld, SignalEndReason.ObjectionUpheld)]
    [InlineData(WithdrawalReason.ErasureRequested, SignalEndReason.ErasureRequested)]
    [InlineData(WithdrawalReason.Unjustified, SignalEndReason.Unjustified)]
    public void A_signal_removed_on_an_upheld_objection_or_an_erasure_request_is_never_archived(WithdrawalReason reason, SignalEndReason end)
    {
        var scenario = new IndexScenario();
        scenario.Register(TestRegion.YouthHealthCare, YouthAged(Sam, 8));

        scenario.Index.Withdraw(Sam, TestRegion.YouthHealthCare, reason);
        scenario.AdvanceDays(800);
        scenario.Index.ExpireDue();

        var removed = Assert.Single(scenario.EventsOf<SignalRemoved>());
        Assert.Equal(end, removed.Reason);
        Assert.False(removed.WasArchived);
        Assert.Empty(scenario.EventsOf<SignalArchived>());
        Assert.Empty(scenario.Index.GetArchivedSignals(Sam));
        Assert.Equal(0, scenario.Index.ArchivedSignalCount);
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = 300)]
    public void A_signal_past_its_end_date_is_never_matched_shown_or_counted_whatever_the_order_of_days_sweeps_and_registrations(IndexOperation[] history)
    {
        var scenario = new IndexScenario();
        ReferenceIndexProperties.Run(scenario.Index, scenario, []);
        foreach (var operation in history)
        {
            var before = scenario.Events.Events.Count;
            ReferenceIndexProperties.Run(scenario.Index, scenario, [operation], withFamilies: false);
            var today = scenario.Clock.GetCurrentInstant().InUtc().Date;
            var active = IndexModel.Youths.SelectMany(y => scenario.Index.GetActiveSignals(y)).ToList();
            PropertyCheck.That(active.All(s => s.ExpiresOn > today), "a signal past its end date is shown as active");
            PropertyCheck.That(scenario.Index.ActiveSignalCount == active.Count, "the active count holds signals past their end date");
            var activeIds = active.Select(s => s.Id).ToHashSet();
            PropertyCheck.That(
                IndexModel.Youths.SelectMany(y => scenario.Index.GetMatches(y)).All(m => activeIds.Contains(m.Signal) && activeIds.Contains(m.OtherSignal)),
                "a current match holds a signal past its end date");
            PropertyCheck.That(
                scenario.Events.Events.Skip(before).OfType<MatchFound>().All(e => e.Match.Kind == MatchKind.Archived || activeIds.Contains(e.Match.OtherSignal)),
                "a registration matched a signal past its end date as active");
        }
    }
}
