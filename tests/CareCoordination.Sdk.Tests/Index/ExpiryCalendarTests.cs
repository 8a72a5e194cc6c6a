using System;
using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Internal;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Xunit;

namespace CareCoordination.Sdk.Tests.Index;

/// <summary>
/// The expiry calendar (<see cref="ExpiryCalendar"/>) against a model of which slot is due on which day: whatever
/// signals come, move to another end date or go, and however far apart their days lie, the daily job is handed exactly
/// the signals due by its day, each once.
/// </summary>
public sealed class ExpiryCalendarTests
{
    [Property(MaxTest = 300)]
    public Property The_daily_job_gets_exactly_the_signals_due_by_its_day_whatever_came_moved_or_went_before() =>
        Prop.ForAll(Operations().ToArbitrary(), operations =>
        {
            var (slots, calendar) = NewCalendar();
            var model = new Dictionary<int, int>();
            foreach (var (kind, pick, day) in operations)
            {
                var live = model.Keys.Order().ToList();
                switch (kind)
                {
                    case 0 or 1 when live.Count == 0 || kind == 0:
                        var slot = slots.Take();
                        slots[slot].State = SignalSlot.Active;
                        slots[slot].Day = day;
                        calendar.Add(slot);
                        model[slot] = day;
                        break;
                    case 1:
                        var moved = live[pick % live.Count];
                        calendar.Left(moved);
                        slots[moved].Day = day;
                        calendar.Add(moved);
                        model[moved] = day;
                        break;
                    case 2 when live.Count > 0:
                        var gone = live[pick % live.Count];
                        calendar.Left(gone);
                        slots.Release(gone);
                        model.Remove(gone);
                        break;
                    default:
                        var due = new List<int>();
                        calendar.DueUpTo(day, due);
                        var expected = model.Where(e => e.Value <= day).Select(e => e.Key).Order().ToList();
                        var days = due.ConvertAll(s => model[s]);

                        // Each slot once, every one that is due, and in the order of the days they are due on.
                        if (!due.Order().SequenceEqual(expected) || !days.SequenceEqual(days.Order()))
                        {
                            return false;
                        }

                        break;
                }
            }

            return true;
        });

    [Fact]
    public void A_day_far_before_or_after_all_others_is_kept_with_them()
    {
        var (slots, calendar) = NewCalendar();
        var days = new[] { 20_000, 20_001, 12_000, 31_000, 19_999, 50_000 };
        foreach (var day in days)
        {
            var slot = slots.Take();
            slots[slot].State = SignalSlot.Active;
            slots[slot].Day = day;
            calendar.Add(slot);
        }

        var due = new List<int>();
        calendar.DueUpTo(20_001, due);

        // In the order of their days: 12,000, 19,999, 20,000, 20,001.
        Assert.Equal([2, 4, 0, 1], due);

        calendar.DropUpTo(20_001);
        calendar.DueUpTo(60_000, due);
        Assert.Equal([3, 5], due);
        Assert.Equal(31_000, calendar.EarliestDue);
    }

    [Fact]
    public void Signals_ending_on_any_day_of_the_next_ten_years_allocate_nothing_once_the_calendar_is_sized()
    {
        var (slots, calendar) = NewCalendar();
        slots.EnsureCapacity(4_000);

        // A chunk of entries for each of the days: a region's registrations of one day all end on one day, this is the worst case.
        calendar.EnsureCapacity(3_650 * 64);
        var first = slots.Take();
        slots[first].State = SignalSlot.Active;
        slots[first].Day = 20_000;
        calendar.Add(first);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var day = 20_001; day < 20_000 + 3_650; day++)
        {
            var slot = slots.Take();
            slots[slot].State = SignalSlot.Active;
            slots[slot].Day = day;
            calendar.Add(slot);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static (SignalSlots Slots, ExpiryCalendar Calendar) NewCalendar()
    {
        var slots = new SignalSlots();
        return (slots, new ExpiryCalendar(slots, new SignalLifetime(Period.FromYears(5), new YouthTable(new YouthRows(), YouthRows.AgeLimit))));
    }

    // Operations: 0 registers a signal due on the day, 1 moves one to the day, 2 removes one, 3 runs the daily job on
    // the day. Days cluster around one date, with some years away on either side, as renewals and restarts make them.
    private static Gen<(int Kind, int Pick, int Day)[]> Operations() =>
        (from kind in Gen.Choose(0, 3)
         from pick in Gen.Choose(0, 1_000)
         from day in Gen.Frequency((6, Gen.Choose(20_000, 20_040)), (1, Gen.Choose(15_000, 30_000)))
         select (kind, pick, day))
            .ArrayOf();
}
