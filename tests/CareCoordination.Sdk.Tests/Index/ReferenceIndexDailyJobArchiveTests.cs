using System.Linq;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Signals.Events;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Signals;
using NodaTime;
using Xunit;
using static CareCoordination.Sdk.Tests.Signals.IndexScenario;

namespace CareCoordination.Sdk.Tests.Index;

/// <summary>
/// What reaches a signal after the daily job archived it treats it as the archived signal it is: matching, requests,
/// death, the end of the archive period, a substitute number's merge and the counts.
/// </summary>
public sealed class ReferenceIndexDailyJobArchiveTests
{
    private static readonly Bsn Sam = TestBsns.First;
    private static readonly Bsn Noor = TestBsns.Second;
    private static readonly int ActiveDays = Period.Between(Today, Today.PlusYears(2), PeriodUnits.Days).Days;

    [Fact]
    public void A_signal_the_daily_job_archived_is_offered_once_to_another_organisation_and_never_to_a_sibling()
    {
        var scenario = ArchivedBySchool(YouthAged(Sam, 8));
        scenario.Index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [Sam, Noor], []));

        var sibling = scenario.Register(TestRegion.SocialWork, YouthAged(Noor, 6));
        var first = scenario.Register(TestRegion.SocialWork, YouthAged(Sam, 8));
        var second = scenario.Register(TestRegion.YouthHealthCare, YouthAged(Sam, 8));

        Assert.Equal(0, sibling.MatchCount);
        Assert.Equal(MatchKind.Archived, Assert.Single(first.Matches).Kind);
        Assert.DoesNotContain(second.Matches, m => m.Kind == MatchKind.Archived);
        Assert.True(Assert.Single(scenario.Index.GetArchivedSignals(Sam)).OfferedAsMatch);
        Assert.Equal(1, scenario.Index.ArchivedSignalCount);
        Assert.Equal(3, scenario.Index.ActiveSignalCount);
    }

    [Theory]
    [InlineData(WithdrawalReason.ObjectionUpheld)]
    [InlineData(WithdrawalReason.ErasureRequested)]
    public void An_upheld_request_removes_a_signal_the_daily_job_archived_from_the_archive(WithdrawalReason reason)
    {
        var scenario = ArchivedBySchool(YouthAged(Sam, 8));
        scenario.Register(TestRegion.SocialWork, YouthAged(Sam, 8));
        var archived = Assert.Single(scenario.Index.GetArchivedSignals(Sam)).Signal;

        var removed = scenario.Index.RemoveOnRequest(Sam, archived.Id, reason, null);

        Assert.Equal(archived.Id, removed.Id);
        Assert.Empty(scenario.Index.GetArchivedSignals(Sam));
        Assert.Equal(0, scenario.Index.ArchivedSignalCount);
        Assert.Equal(1, scenario.Index.ActiveSignalCount);
        Assert.True(Assert.Single(scenario.EventsOf<SignalRemoved>()).WasArchived);
        Assert.Equal(TestRegion.SocialWork, Assert.Single(scenario.Index.GetActiveSignals(Sam)).Organisation);
    }

    [Fact]
    public void A_death_removes_a_signal_the_daily_job_archived_as_archived_and_the_youth_leaves_the_index()
    {
        var scenario = ArchivedBySchool(YouthAged(Sam, 8));

        Assert.Equal(1, scenario.Index.RecordDeath(Sam));

        Assert.True(Assert.Single(scenario.EventsOf<SignalRemoved>()).WasArchived);
        Assert.Equal(0, scenario.Index.ArchivedSignalCount);
        Assert.Equal(0, scenario.Index.SignalledYouthCount);
    }

    [Fact]
    public void The_end_of_the_archive_period_deletes_a_signal_the_daily_job_archived_and_the_youth_leaves_the_index()
    {
        var scenario = ArchivedBySchool(YouthAged(Sam, 3));
        scenario.AdvanceDays(Period.Between(Today.PlusYears(2), Today.PlusYears(7), PeriodUnits.Days).Days);

        var report = scenario.Index.ExpireDue();

        Assert.Equal(1, report.DeletedFromArchive);
        Assert.Equal(SignalEndReason.ArchivePeriodEnded, Assert.Single(scenario.EventsOf<SignalRemoved>()).Reason);
        Assert.Empty(scenario.Index.GetArchivedSignals(Sam));
        Assert.Equal(0, scenario.Index.SignalledYouthCount);
        Assert.Equal(0, scenario.Register(TestRegion.SocialWork, YouthAged(Sam, 3)).MatchCount);
    }

    [Fact]
    public void A_signal_the_daily_job_archived_under_a_substitute_number_moves_to_the_BSN_as_archived_and_matches_nothing()
    {
        var born = Today.PlusYears(-2);
        var substitute = SubstituteNumber.Derive("Yilmaz", born, Sex.Female);
        var unnamed = Youth.WithoutBsn(substitute, born);
        var scenario = ArchivedBySchool(unnamed);
        scenario.Register(TestRegion.SocialWork, new Youth(Sam, born));

        var matches = scenario.Index.AssignBsn(substitute, Sam);

        Assert.Empty(matches);
        Assert.Equal(TestRegion.School, Assert.Single(scenario.Index.GetArchivedSignals(Sam)).Signal.Organisation);
        Assert.Empty(scenario.Index.GetArchivedSignals(unnamed.Bsn));
        Assert.Equal(1, scenario.Index.ArchivedSignalCount);
        Assert.Single(scenario.Register(TestRegion.YouthHealthCare, new Youth(Sam, born)).Matches, m => m.Kind == MatchKind.Archived);
    }

    /// <summary>The school's signal on the youth, past its active period and archived by the daily job.</summary>
    private static IndexScenario ArchivedBySchool(Youth youth)
    {
        var scenario = new IndexScenario();
        scenario.Register(TestRegion.School, youth);
        scenario.AdvanceDays(ActiveDays + 1);
        Assert.Equal(1, scenario.Index.ExpireDue().Archived);
        Assert.Equal(0, scenario.Index.SignalledYouthCount);
        Assert.Equal(0, scenario.Index.ActiveSignalCount);
        Assert.Equal(1, scenario.Index.ArchivedSignalCount);
        return scenario;
    }
}
