using System.Collections.Generic;
using System.Threading;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Index;

// The lifetime as the law has it (Jeugdwet art. 7.1.4.5–7.1.4.6): a signal past its end date is inactive from that day,
// and an archived one is gone once its archive period ended — whether or not
// ExpireDue ran. ExpireDue only tidies the slots up; every read, match and count applies the dates itself.
public sealed partial class ReferenceIndex
{
    private const byte Gone = 0;

    // No signal changes its effective state before this day number, so the kept counts are exact until then.
    private int _earliestDue = int.MaxValue;

    private int _cutoffToday = -1;
    private int _cutoff;

    /// <summary>The day number and the latest archive day number whose archive period has ended, as of now.</summary>
    private (int Today, int ArchiveCutoff) LifetimeDay()
    {
        var today = _calendar.DayOf(_clock.GetCurrentInstant());
        return (today.DayNumber, ArchiveCutoffOn(today.DayNumber, today.Date));
    }

    private int ArchiveCutoffOn(int todayNumber, LocalDate today)
    {
        if (_cutoffToday != todayNumber)
        {
            _cutoff = LocalCalendar.DayNumber(LatestArchiveDateDue(today));
            _cutoffToday = todayNumber;
        }

        return _cutoff;
    }

    /// <summary>What a slot is today: active, archived, or gone (free or no longer kept), whatever its stored state says.</summary>
    private static byte EffectiveState(ref SignalSlot s, int today, int archiveCutoff)
    {
        if (s.State == SignalSlot.Active)
        {
            if (s.Day > today)
            {
                return SignalSlot.Active;
            }

            return s.Expiry == (byte)SignalExpiry.ActivePeriodEnds && !MatchFinder.ArchiveGone(s.Day, archiveCutoff) ? SignalSlot.Archived : Gone;
        }

        return s.State == SignalSlot.Archived && !MatchFinder.ArchiveGone(s.Day, archiveCutoff) ? SignalSlot.Archived : Gone;
    }

    /// <summary>The day a slot next changes its effective state by itself.</summary>
    private int DueDayOf(ref SignalSlot s)
    {
        if (s.State == SignalSlot.Active)
        {
            return s.Day;
        }

        return LocalCalendar.DayNumber(LocalCalendar.FromDayNumber(s.Day).Plus(Policy.ArchivePeriod));
    }

    private void NoteDue(ref SignalSlot s)
    {
        var due = DueDayOf(ref s);
        if (due < _earliestDue)
        {
            Volatile.Write(ref _earliestDue, due);
        }
    }

    private void RecomputeEarliestDue()
    {
        var earliest = int.MaxValue;
        var highWater = _slots.HighWater;
        for (var slot = 0; slot < highWater; slot++)
        {
            ref var s = ref _slots[slot];
            if (s.State != SignalSlot.Free)
            {
                var due = DueDayOf(ref s);
                earliest = due < earliest ? due : earliest;
            }
        }

        Volatile.Write(ref _earliestDue, earliest);
    }

    /// <summary>Whether the kept counts are exact now: nothing fell due since the last expiry run.</summary>
    private bool CountsAreExact() => _calendar.DayOf(_clock.GetCurrentInstant()).DayNumber < Volatile.Read(ref _earliestDue);

    /// <summary>Counts active and archived signals and signalled youths as the law has them today, by one pass over the slots.</summary>
    private (int Active, int Archived, int Youths) EffectiveCounts()
    {
        lock (_gate)
        {
            var (today, cutoff) = LifetimeDay();
            int active = 0, archived = 0;
            var youths = new HashSet<int>();
            var highWater = _slots.HighWater;
            for (var slot = 0; slot < highWater; slot++)
            {
                ref var s = ref _slots[slot];
                switch (EffectiveState(ref s, today, cutoff))
                {
                    case SignalSlot.Active:
                        active++;
                        youths.Add(s.Youth);
                        break;
                    case SignalSlot.Archived:
                        archived++;
                        break;
                }
            }

            return (active, archived, youths.Count);
        }
    }
}
