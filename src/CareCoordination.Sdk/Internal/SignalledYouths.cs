using System;
using System.Numerics;

namespace CareCoordination.Sdk.Internal;

/// <summary>
/// Counts the signalled youths (<em>gesignaleerde jeugdigen</em>: youths with at least one active signal) by the day
/// the last of their active signals ends. A youth stops counting the day that signal ends, so the count is exact on
/// any day without a pass over the index and whether or not the daily job has run, and it does not depend on which
/// chain holds a youth's ended signals. Days up to today have passed: nothing is added to or taken from them, and the
/// daily job drops them.
/// </summary>
/// <remarks>
/// Not thread-safe: the index calls it under its lock. The counts are an array by day from the first day not yet
/// passed: every registration moves its youth, and an index into a few kilobytes costs less than a hash lookup.
/// </remarks>
internal sealed class SignalledYouths
{
    /// <summary>The last day of a youth without an active signal.</summary>
    public const int NoDay = int.MinValue;

    // About two years of days, an active period: the array grows only for a longer one.
    private const int InitialDays = 1024;

    private int[] _byLastDay = [];
    private int _firstDay;

    // Days from _firstDay that may hold a count: what a drop moves and what room in front of the first day must keep.
    private int _daysInUse;

    /// <summary>Notes that a youth's last active signal now ends on <paramref name="after"/> where it ended on <paramref name="before"/>.</summary>
    /// <returns>Whether anything changed (a passed day changes nothing).</returns>
    public bool Move(int before, int after, int today)
    {
        if (before == after)
        {
            return false;
        }

        var changed = false;
        if (before > today)
        {
            Add(before, -1, today);
            changed = true;
        }

        if (after > today)
        {
            Add(after, 1, today);
            changed = true;
        }

        return changed;
    }

    /// <summary>How many youths have an active signal on <paramref name="today"/>.</summary>
    public int CountOn(int today)
    {
        var count = 0;
        for (var index = Math.Max(0, today + 1 - _firstDay); index < _daysInUse; index++)
        {
            count += _byLastDay[index];
        }

        return count;
    }

    /// <summary>Forgets the days up to <paramref name="today"/>: no youth is counted on them any more.</summary>
    public void DropUpTo(int today)
    {
        var passed = today + 1 - _firstDay;
        if (passed <= 0 || _byLastDay.Length == 0)
        {
            return;
        }

        var kept = Math.Max(0, _daysInUse - passed);
        Array.Copy(_byLastDay, _daysInUse - kept, _byLastDay, 0, kept);
        Array.Clear(_byLastDay, kept, _daysInUse - kept);
        _daysInUse = kept;
        _firstDay = today + 1;
    }

    /// <summary>Forgets every youth, before the index counts them again.</summary>
    public void Clear()
    {
        _byLastDay = [];
        _daysInUse = 0;
    }

    /// <summary>Gets the number of days the table has room for, which follows the days in use, not the moves made.</summary>
    internal int DaysHeld => _byLastDay.Length;

    private void Add(int day, int youths, int today)
    {
        if (_byLastDay.Length == 0)
        {
            // Tomorrow is the first day a move can count on: starting there, and dropping up to today each night,
            // keeps every later move at or after the first day, so the table grows only with the length of a period.
            _byLastDay = new int[InitialDays];
            _firstDay = today + 1;
        }

        var index = day - _firstDay;
        if (index < 0)
        {
            // Only a clock set back before the last drop gets here: the counts move up to make room in front.
            var needed = _daysInUse - index;
            var counts = needed <= _byLastDay.Length ? _byLastDay : new int[(int)BitOperations.RoundUpToPowerOf2((uint)needed)];
            Array.Copy(_byLastDay, 0, counts, -index, _daysInUse);
            Array.Clear(counts, 0, -index);
            _byLastDay = counts;
            _daysInUse = needed;
            _firstDay = day;
            index = 0;
        }
        else if (index >= _byLastDay.Length)
        {
            Array.Resize(ref _byLastDay, (int)BitOperations.RoundUpToPowerOf2((uint)index + 1));
        }

        _daysInUse = Math.Max(_daysInUse, index + 1);
        _byLastDay[index] += youths;
    }
}
