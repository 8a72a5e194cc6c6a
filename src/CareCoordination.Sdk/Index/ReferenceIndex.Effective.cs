using System.Collections.Generic;
using System.Threading;
using CareCoordination.Sdk.Internal;

namespace CareCoordination.Sdk.Index;

// The index's side of SignalLifetime and ExpiryCalendar: the kept birthdays, the calendar entries, and the counts as the
// law has them today, exact without a pass over the slots until the earliest day the calendar holds, whether or not
// ExpireDue ran.
public sealed partial class ReferenceIndex
{
    // No signal changes its effective state before this day number, so the kept counts are exact until then; a copy of
    // the calendar's earliest day that the counts can read without the lock.
    private int _earliestDue = int.MaxValue;

    /// <summary>The day number and the latest archive day number whose archive period has ended, as of now.</summary>
    private (int Today, int ArchiveCutoff) LifetimeDay()
    {
        var today = _calendar.DayOf(_clock.GetCurrentInstant());
        return (today.DayNumber, _lifetime.ArchiveCutoff(today.DayNumber, today.Date));
    }

    /// <summary>Puts a slot into the expiry calendar under the day it is now due.</summary>
    private void NoteDue(int slot) => NoteDue(slot, _lifetime.DueDayOf(ref _slots[slot]));

    /// <summary>Puts a slot into the expiry calendar under a day the caller knows it is due (a new signal's end date).</summary>
    private void NoteDue(int slot, int day)
    {
        _expiry.Add(day, slot);
        if (_expiry.EarliestDue < _earliestDue)
        {
            Volatile.Write(ref _earliestDue, _expiry.EarliestDue);
        }
    }

    /// <summary>Makes the earliest due day exact again, after the daily job or a rebuild.</summary>
    private void SettleEarliestDue()
    {
        _expiry.Settle();
        Volatile.Write(ref _earliestDue, _expiry.EarliestDue);
    }

    /// <summary>Puts every taken slot into the expiry calendar, once the rebuild knows every youth's kept age limit.</summary>
    private void CalendarAllSlots()
    {
        _expiry.Clear();
        var highWater = _slots.HighWater;
        for (var slot = 0; slot < highWater; slot++)
        {
            if (_slots[slot].State != SignalSlot.Free)
            {
                _expiry.Add(slot);
            }
        }

        SettleEarliestDue();
    }

    /// <summary>Counts every youth with an active signal again, once the rebuild has put every slot into its chain.</summary>
    private void CountSignalledYouths()
    {
        _signalled.Clear();
        var today = TodayNumber();
        foreach (var head in _active.Heads)
        {
            _signalled.Move(SignalledYouths.NoDay, LastActiveDay(head), today);
        }
    }

    /// <summary>The day the last active signal in the chain from <paramref name="head"/> ends, or <see cref="SignalledYouths.NoDay"/>.</summary>
    private int LastActiveDay(int head)
    {
        var last = SignalledYouths.NoDay;
        for (var slot = head; slot != NoSlot; slot = _slots[slot].Next)
        {
            if (_slots[slot].State == SignalSlot.Active && _slots[slot].Day > last)
            {
                last = _slots[slot].Day;
            }
        }

        return last;
    }

    /// <summary>Notes that a youth's last active signal now ends on <paramref name="after"/>, not <paramref name="before"/>; in a batch, says how to take it back.</summary>
    private void MoveSignalled(int before, int after, int today)
    {
        if (_signalled.Move(before, after, today) && _batch is not null)
        {
            UndoSignalled(_batch, before, after, today);
        }
    }

    // Its own method: a lambda capturing the parameters above would allocate its closure on every call, batch or not.
    private void UndoSignalled(PendingBatch batch, int before, int after, int today) => batch.Undo.Add(() => _signalled.Move(after, before, today));

    /// <summary>Unlinks a slot from its youth's active chain, and counts the youth by its last active signal after it.</summary>
    private void LeaveActiveChain(int slot)
    {
        // A signal archived in place, or one that ended by today, changes no count: its youth is counted by a later
        // signal or not at all, either way.
        var key = _slots[slot].Youth;
        var today = TodayNumber();
        if (_slots[slot].State != SignalSlot.Active || _slots[slot].Day <= today)
        {
            Unlink(_active, slot);
            return;
        }

        var before = LastActiveDay(_active.HeadOf(key));
        Unlink(_active, slot);
        MoveSignalled(before, LastActiveDay(_active.HeadOf(key)), today);
    }

    private int TodayNumber() => _calendar.DayOf(_clock.GetCurrentInstant()).DayNumber;

    /// <summary>Keeps the youth's age-limit day once what needs it is written; in a batch, says how to put the one before back.</summary>
    private void KeepAgeLimit(int key, int ageLimit) => KeepAgeLimit(key, _lifetime.AgeLimitOf(key), ageLimit);

    /// <summary>Keeps the youth's age-limit day, where the caller has read the one kept before from the youth's row.</summary>
    private void KeepAgeLimit(int key, int before, int ageLimit)
    {
        if (before == ageLimit)
        {
            return;
        }

        if (_batch is not null)
        {
            UndoAgeLimit(_batch, key, before);
        }

        _lifetime.Set(key, ageLimit);
        CalendarArchiveOf(key);
    }

    // Apart from KeepAgeLimit, so that a registration outside a batch allocates no closure.
    private void UndoAgeLimit(PendingBatch batch, int key, int before) => batch.Undo.Add(() =>
    {
        _lifetime.Set(key, before);
        CalendarArchiveOf(key);
    });

    /// <summary>Puts the youth's archived signals into the calendar again: the day they leave the archive follows the youth's kept birthday.</summary>
    private void CalendarArchiveOf(int key)
    {
        if (Volatile.Read(ref _archivedCount) == 0)
        {
            return;
        }

        for (var slot = _archive.HeadOf(key); slot != NoSlot; slot = _slots[slot].Next)
        {
            NoteDue(slot);
        }

        for (var slot = _active.HeadOf(key); slot != NoSlot; slot = _slots[slot].Next)
        {
            if (_slots[slot].ArchivedInPlace)
            {
                NoteDue(slot);
            }
        }
    }

    /// <summary>Whether the kept counts are exact now: nothing fell due since the last expiry run.</summary>
    private bool CountsAreExact() => _calendar.DayOf(_clock.GetCurrentInstant()).DayNumber < Volatile.Read(ref _earliestDue);

    /// <summary>Counts active and archived signals as the law has them today, by one pass over the slots.</summary>
    private (int Active, int Archived) EffectiveCounts()
    {
        lock (_gate)
        {
            var (today, cutoff) = LifetimeDay();
            int active = 0, archived = 0;
            var highWater = _slots.HighWater;
            for (var slot = 0; slot < highWater; slot++)
            {
                ref var s = ref _slots[slot];
                switch (_lifetime.EffectiveState(ref s, today, cutoff))
                {
                    case SignalSlot.Active:
                        active++;
                        break;
                    case SignalSlot.Archived:
                        archived++;
                        break;
                }
            }

            return (active, archived);
        }
    }
}
