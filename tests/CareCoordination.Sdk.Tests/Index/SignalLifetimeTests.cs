using System;
using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Signals.Events;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Signals;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;
using Xunit;
using static CareCoordination.Sdk.Tests.Signals.IndexScenario;

namespace CareCoordination.Sdk.Tests.Index;

/// <summary>
/// Domain rule 4 at its far end (<see cref="SignalLifetime"/>, <see cref="ExpiryCalendar"/>): the archive is deleted on
/// the youth's 23rd birthday or after five years, whichever is first, and the daily job ends exactly what has fallen due.
/// </summary>
public sealed class SignalLifetimeTests
{
    private static readonly Bsn Sam = TestBsns.First;

    [Fact]
    public void An_archived_signal_is_deleted_on_the_youths_23rd_birthday_not_five_years_on()
    {
        var scenario = new IndexScenario();
        var youth = YouthAged(Sam, 20);
        var birthday = youth.DateOfBirth.PlusYears(23);
        scenario.Register(TestRegion.YouthHealthCare, youth);
        scenario.AdvanceDays(731);
        Assert.Equal(1, scenario.Index.ExpireDue().Archived);
        scenario.AdvanceDays(Period.Between(Today.PlusDays(731), birthday, PeriodUnits.Days).Days - 1);

        var dayBefore = (scenario.Index.ArchivedSignalCount, scenario.Index.GetArchivedSignals(Sam).Count, scenario.Index.ExpireDue());
        scenario.AdvanceDays(1);
        var beforeTheJob = (scenario.Index.ArchivedSignalCount, scenario.Index.GetArchivedSignals(Sam).Count);
        var report = scenario.Index.ExpireDue();

        Assert.Equal((1, 1, new ExpiryReport(0, 0, 0)), dayBefore);
        Assert.Equal((0, 0), beforeTheJob);
        Assert.Equal(new ExpiryReport(0, 0, 1), report);
        var removed = Assert.Single(scenario.EventsOf<SignalRemoved>());
        Assert.Equal((SignalEndReason.AgeLimitReached, true), (removed.Reason, removed.WasArchived));
    }

    [Property(MaxTest = 300)]
    public void The_archive_of_a_signal_ends_on_the_day_NodaTime_adds_the_period_to_whatever_days_were_asked_before(ushort[] days, byte period)
    {
        var archivePeriod = Period.FromYears(1 + (period % 7)) + Period.FromMonths(period % 5);
        var lifetime = new SignalLifetime(archivePeriod, new YouthTable(new YouthRows(), YouthRows.AgeLimit));
        var first = LocalCalendar.DayNumber(new LocalDate(2024, 1, 1));

        // Days 512 and 1,024 apart share what the lifetime remembers, so the same days again, shifted, replace each other.
        var asked = days.Select(d => (int)d).ToArray();
        foreach (var day in asked.Concat(asked.Select(d => d + 512)).Concat(asked.Select(d => d + 1024)).Concat(asked))
        {
            var archivedOn = first + (day % 4000);
            Assert.Equal(LocalCalendar.DayNumber(LocalCalendar.FromDayNumber(archivedOn).Plus(archivePeriod)), lifetime.ArchiveEndDay(archivedOn));
        }
    }

    [Fact]
    public void Signals_withdrawn_on_a_busy_day_do_not_grow_the_calendar_and_the_day_still_ends_exactly_the_signals_left()
    {
        var scenario = new IndexScenario();
        var youths = TestBsns.Generate(2_000, seed: 2027).Select(b => YouthAged(b, 10)).ToArray();
        long? grownTo = null;
        for (var round = 0; round < 12; round++)
        {
            foreach (var youth in youths)
            {
                scenario.Register(TestRegion.YouthHealthCare, youth);
            }

            if (round == 2)
            {
                grownTo = scenario.Index.MeasureAllocatedBytes();
            }

            if (round < 11)
            {
                foreach (var youth in youths)
                {
                    scenario.Index.Withdraw(youth.Bsn, TestRegion.YouthHealthCare, WithdrawalReason.Unjustified);
                }
            }
        }

        Assert.Equal(grownTo, scenario.Index.MeasureAllocatedBytes());
        scenario.AdvanceDays(731);
        Assert.Equal(new ExpiryReport(youths.Length, 0, 0), scenario.Index.ExpireDue());
        Assert.Equal(0, scenario.Index.ActiveSignalCount);
    }

    [Fact]
    public void A_signal_withdrawn_as_risk_gone_at_21_leaves_the_archive_on_the_23rd_birthday()
    {
        var scenario = new IndexScenario();
        var youth = YouthAged(Sam, 21);
        scenario.Register(TestRegion.School, youth);
        scenario.AdvanceDays(30);
        scenario.Index.Withdraw(Sam, TestRegion.School, WithdrawalReason.RiskGone);
        scenario.AdvanceDays(Period.Between(Today.PlusDays(30), youth.DateOfBirth.PlusYears(23), PeriodUnits.Days).Days);

        Assert.Equal(0, scenario.Index.ArchivedSignalCount);
        Assert.Equal(new ExpiryReport(0, 0, 1), scenario.Index.ExpireDue());
    }

    [Fact]
    public void A_youth_whose_archive_ends_before_the_23rd_birthday_is_stored_without_a_birth_date_and_an_older_one_with_the_birthday_only()
    {
        var store = new InMemorySignalStore();
        var clock = new FakeClock(Start);
        var index = new ReferenceIndex(RegionPolicy.Default, TestRegion.CreateDirectory(), clock, store);
        var young = YouthAged(TestBsns.Generate(2, seed: 71)[0], 10);
        var older = YouthAged(TestBsns.Generate(2, seed: 71)[1], 17);

        index.Register(By(TestRegion.School, young));
        index.Register(By(TestRegion.School, older));

        var rows = store.Signals.OrderBy(s => s.Id.Value).ToList();
        Assert.Null(rows[0].AgeLimitDayNumber);
        Assert.Equal(older.DateOfBirth.PlusYears(23).ToDateOnly().DayNumber, rows[1].AgeLimitDayNumber);
    }

    [Fact]
    public void The_23rd_birthday_survives_a_restart_and_deletes_the_archive_that_day()
    {
        var store = new InMemorySignalStore();
        var clock = new FakeClock(Start);
        var youth = YouthAged(Sam, 20);
        var first = new ReferenceIndex(RegionPolicy.Default, TestRegion.CreateDirectory(), clock, store);
        first.Register(By(TestRegion.YouthHealthCare, youth));
        clock.Advance(Duration.FromDays(731));
        first.ExpireDue();

        var birthday = youth.DateOfBirth.PlusYears(23);
        clock.Advance(Duration.FromDays(Period.Between(Today.PlusDays(731), birthday, PeriodUnits.Days).Days));
        var reopened = new ReferenceIndex(RegionPolicy.Default, TestRegion.CreateDirectory(), clock, store);

        Assert.Equal(0, reopened.ArchivedSignalCount);
        Assert.Equal(new ExpiryReport(0, 0, 1), reopened.ExpireDue());
        Assert.Empty(store.Signals);
    }

    [Fact]
    public void A_youth_signalled_again_with_an_earlier_birth_date_leaves_the_archive_on_that_23rd_birthday_and_the_daily_job_deletes_it_then()
    {
        var scenario = new IndexScenario();
        scenario.Register(TestRegion.School, YouthAged(Sam, 10));
        scenario.Index.Withdraw(Sam, TestRegion.School, WithdrawalReason.RiskGone);
        var corrected = YouthAged(Sam, 21);
        scenario.Register(TestRegion.SocialWork, corrected);
        scenario.AdvanceDays(Period.Between(Today, corrected.DateOfBirth.PlusYears(23), PeriodUnits.Days).Days);

        Assert.Equal((0, 0), (scenario.Index.ActiveSignalCount, scenario.Index.ArchivedSignalCount));
        Assert.Equal(new ExpiryReport(0, 1, 1), scenario.Index.ExpireDue());
        Assert.Equal(new ExpiryReport(0, 0, 0), scenario.Index.ExpireDue());
    }

    [Fact]
    public void The_birthday_is_forgotten_with_the_youths_last_signal()
    {
        var store = new InMemorySignalStore();
        var index = new ReferenceIndex(RegionPolicy.Default, TestRegion.CreateDirectory(), new FakeClock(Start), store);
        var youth = YouthAged(Sam, 20);
        index.Register(By(TestRegion.School, youth));
        index.Withdraw(Sam, TestRegion.School, WithdrawalReason.Unjustified);

        // A youth signalled again at 10 (a corrected birth date) is kept without one: the earlier birthday went with the signal.
        index.Register(By(TestRegion.School, YouthAged(Sam, 10)));

        Assert.Null(Assert.Single(store.Signals).AgeLimitDayNumber);
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = 300)]
    public void An_archived_signal_is_never_kept_past_the_youths_23rd_birthday_or_five_years_whatever_the_order_of_days_sweeps_and_registrations(IndexOperation[] history)
    {
        var run = new Run();
        foreach (var operation in history)
        {
            run.Apply(operation);
            for (var y = 0; y < IndexModel.YouthCount; y++)
            {
                foreach (var archived in run.Index.GetArchivedSignals(IndexModel.Youths[y]))
                {
                    PropertyCheck.That(archived.ArchivedOn.PlusYears(5) > run.Today, $"an archived signal of youth {y} is kept past five years");
                    PropertyCheck.That(IndexModel.BirthDates[y].PlusYears(23) > run.Today, $"an archived signal of youth {y} is kept past the 23rd birthday");
                }
            }
        }
    }

    [Property(Arbitrary = [typeof(DomainArbitraries)], MaxTest = 300)]
    public void The_daily_job_ends_exactly_what_a_full_scan_of_every_signal_finds_due(IndexOperation[] history)
    {
        var run = new Run();
        foreach (var operation in history)
        {
            if (operation is not IndexOperation.Expire)
            {
                run.Apply(operation);
                continue;
            }

            var expected = run.NaiveScan();
            var seen = run.Recorded;
            var report = run.Index.ExpireDue();
            var actual = run.Observer.Events.Skip(seen).Select(Outcome).OfType<string>().Order(StringComparer.Ordinal).ToList();
            PropertyCheck.That(expected.SequenceEqual(actual), $"the job ended [{string.Join(", ", actual)}], a full scan finds [{string.Join(", ", expected)}]");
            PropertyCheck.That(report.Archived + report.RemovedAtAgeLimit + report.DeletedFromArchive == expected.Count, "the report counts differ from what ended");
            run.Follow();
        }
    }

    private static string? Outcome(object e) => e switch
    {
        SignalArchived a => $"{a.Signal.Id.Value}:archived",
        SignalRemoved r => $"{r.Signal.Id.Value}:{(r.WasArchived ? "deleted" : "removed")}",
        _ => null,
    };

    /// <summary>A history on an index with a store, reopened from the store at every sweep, and every signal followed by its events as a naive list.</summary>
    private sealed class Run
    {
        private readonly InMemorySignalStore _store = new();
        private readonly FakeClock _clock = new(Start);
        private readonly Dictionary<long, (int Youth, bool Archived, LocalDate Day, SignalExpiry Expiry)> _signals = [];
        private int _followed;

        public Run()
        {
            Index = Open();
            for (var f = 0; f < IndexModel.Families.Length; f++)
            {
                Index.AddOrReplaceFamily(Family.Create(new FamilyId(f + 1), IndexModel.Families[f].Select(i => IndexModel.Youths[i]), []));
            }
        }

        public RecordingObserver Observer { get; private set; } = new();

        public ReferenceIndex Index { get; private set; }

        public LocalDate Today => _clock.GetCurrentInstant().InZone(RegionPolicy.Default.TimeZone).Date;

        public int Recorded => Observer.Events.Count;

        public void Apply(IndexOperation operation)
        {
            switch (operation)
            {
                case IndexOperation.Register(var y, var o):
                    Index.Register(By(IndexModel.Organisations[o], new Youth(IndexModel.Youths[y], IndexModel.BirthDates[y])));
                    break;
                case IndexOperation.Withdraw(var y, var o, var reason):
                    if (Index.GetActiveSignals(IndexModel.Youths[y]).Any(s => s.Organisation == IndexModel.Organisations[o]))
                    {
                        Index.Withdraw(IndexModel.Youths[y], IndexModel.Organisations[o], reason);
                    }

                    break;
                case IndexOperation.AdvanceDays(var days):
                    _clock.Advance(Duration.FromDays(days));
                    break;
                case IndexOperation.Expire:
                    // A restart before the sweep: the calendar and the kept birthdays must come back from the store alone.
                    Follow();
                    Index = Open();
                    Index.ExpireDue();
                    break;
                case IndexOperation.Death(var y):
                    Index.RecordDeath(IndexModel.Youths[y]);
                    break;
            }

            Follow();
        }

        /// <summary>What a sweep today must end, read off every signal followed: the law's dates, with no calendar.</summary>
        public List<string> NaiveScan()
        {
            Follow();
            var due = new List<string>();
            foreach (var (id, s) in _signals)
            {
                var birthday = IndexModel.BirthDates[s.Youth].PlusYears(23);
                if (!s.Archived && s.Day <= Today)
                {
                    var kept = s.Expiry == SignalExpiry.ActivePeriodEnds && s.Day.PlusMonths(60) > Today && birthday > Today;
                    due.Add($"{id}:{(kept ? "archived" : "removed")}");
                }
                else if (s.Archived && (s.Day.PlusMonths(60) <= Today || birthday <= Today))
                {
                    due.Add($"{id}:deleted");
                }
            }

            due.Sort(StringComparer.Ordinal);
            return due;
        }

        /// <summary>Follows the events raised since the last call.</summary>
        public void Follow()
        {
            var events = Observer.Events;
            for (; _followed < events.Count; _followed++)
            {
                switch (events[_followed])
                {
                    case SignalRegistered r:
                        _signals[r.Signal.Id.Value] = (YouthOf(r.Signal.Youth), false, r.Signal.ExpiresOn, r.Signal.Expiry);
                        break;
                    case SignalRenewed r:
                        _signals[r.Signal.Id.Value] = (YouthOf(r.Signal.Youth), false, r.Signal.ExpiresOn, r.Signal.Expiry);
                        break;
                    case SignalArchived a:
                        _signals[a.Signal.Id.Value] = _signals[a.Signal.Id.Value] with { Archived = true, Day = a.ArchivedOn };
                        break;
                    case SignalRemoved r:
                        _signals.Remove(r.Signal.Id.Value);
                        break;
                }
            }
        }

        private static int YouthOf(Bsn youth) => Array.IndexOf(IndexModel.Youths, youth);

        private ReferenceIndex Open()
        {
            Observer = new RecordingObserver();
            _followed = 0;
            return new ReferenceIndex(RegionPolicy.Default, TestRegion.CreateDirectory(), _clock, _store, [Observer]);
        }
    }
}
