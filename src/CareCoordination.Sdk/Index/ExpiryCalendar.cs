using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System;
using CareCoordination.Sdk.Internal;

namespace CareCoordination.Sdk.Index;

/// <summary>
/// The signals in order of the day they next change by themselves (<see cref="SignalLifetime.DueDayOf"/>): an active
/// signal on its end date, an archived one on the day it leaves the archive. One bucket of slots per day, so that the
/// daily job reads only what falls due that day, not every slot the index ever allocated.
/// </summary>
/// <remarks>
/// <para>Entries are hints, checked when read: a slot renewed, withdrawn, freed or reused leaves its old entry behind,
/// and <see cref="DueUpTo"/> passes over an entry whose slot no longer falls due on the entry's day. Entries are never
/// taken out one by one, so that the registration path only appends; a day at least half of whose entries were noted
/// stale (<see cref="Left"/>) drops them before it takes another chunk, so withdrawals on a busy day do not grow the pool. A day's entries sit in chunks of 64 taken from
/// one pool of pages that a day gives back when it is over; the registration path allocates nothing once the pool has
/// grown (<see cref="EnsureCapacity"/>). Whoever changes a slot's due day adds it under its new day, and an undo that
/// puts a slot back adds it again, so every taken slot always has an entry under its due day.</para>
/// <para>Not thread-safe: the index calls it under its lock.</para>
/// </remarks>
internal sealed class ExpiryCalendar(SignalSlots slots, SignalLifetime lifetime)
{
    private const int ChunkBits = 6;
    private const int ChunkSize = 1 << ChunkBits;
    private const int PageBits = 12;
    private const int PageMask = (1 << PageBits) - 1;
    private const int ChunksPerPage = 1 << (PageBits - ChunkBits);
    private const int NoChunk = -1;
    private const int InitialDays = 256;

    // About eleven years of days: more than an active period and an archive period together, so that an index sized by
    // EnsureCapacity never grows its table of days while it registers.
    private const int ReservedDays = 4096;

    private readonly SignalSlots _slots = slots;
    private readonly SignalLifetime _lifetime = lifetime;
    // Day buckets by day number from _firstDay on: the days a slot can be due on span the archive period and little
    // more, so an array indexed by day number costs a few kilobytes and no hashing on the registration path.
    private Day[] _days = new Day[InitialDays];
    private int _firstDay;
    private int _openDays;
    private int[][] _pages = new int[4][];
    private int[] _nextChunk = new int[ChunksPerPage];
    private int _chunkCapacity;
    private int _chunksTaken;
    private int _freeChunk = NoChunk;
    private int _earliest = int.MaxValue;

    // One bit per slot, set for the slots a compaction kept or a collection of what is due took so far, and cleared
    // after it: a slot can be noted twice under its day (a freed slot taken again for the same day makes its old entries
    // look live, a renewal back to its old day adds it again), and each is kept or taken once. Marking it here is a
    // load and a store per entry where sorting a night's few thousand slots to find the twins cost a tenth of the night.
    private ulong[] _kept = [];

    /// <summary>Gets a day before which no slot changes its effective state by itself: the earliest live entry after <see cref="Settle"/>, a lower bound before.</summary>
    public int EarliestDue => _earliest;

    /// <summary>Gets the bytes the pages of entries take.</summary>
    public long AllocatedBytes => ((long)_chunkCapacity * ChunkSize * sizeof(int)) + ((long)_nextChunk.Length * sizeof(int));

    /// <summary>Makes room for this many more entries and some days, so that adding them allocates nothing.</summary>
    public void EnsureCapacity(int entries)
    {
        var chunks = _chunksTaken + (entries / ChunkSize) + ChunksPerPage;
        while (_chunkCapacity < chunks)
        {
            AddPage();
        }

        if (_days.Length < ReservedDays)
        {
            Array.Resize(ref _days, ReservedDays);
        }

        EnsureKeptBits(entries);
    }

    /// <summary>Notes that a slot leaves the day it is now due on (it is released, or renewed to another day): its entry there is stale.</summary>
    public void Left(int slot)
    {
        var index = _lifetime.DueDayOf(ref _slots[slot]) - _firstDay;
        if ((uint)index < (uint)_days.Length && _days[index].Open)
        {
            _days[index].Stale++;
        }
    }

    /// <summary>Adds a slot under the day it is now due.</summary>
    public void Add(int slot) => Add(_lifetime.DueDayOf(ref _slots[slot]), slot);

    /// <summary>Adds a slot under a day.</summary>
    public void Add(int day, int slot)
    {
        ref var entries = ref DayAt(day);
        if (!entries.Open)
        {
            entries.Head = entries.Tail = TakeChunk();
            entries.Open = true;
            _openDays++;
        }
        else if (entries.Count > 0 && entries.Count % ChunkSize == 0)
        {
            // Entries of withdrawn, renewed or removed signals stay until their day is over; a day of which at least
            // half are such (a busy day's withdrawals) drops them before it takes another chunk, so each compaction
            // frees at least as much as it reads and a day that only grows is never read.
            if (2 * entries.Stale >= entries.Count)
            {
                Compact(day, ref entries);
            }

            if (entries.Count > 0 && entries.Count % ChunkSize == 0)
            {
                var chunk = TakeChunk();
                _nextChunk[entries.Tail] = chunk;
                entries.Tail = chunk;
            }
        }

        Entry((entries.Tail << ChunkBits) + (entries.Count % ChunkSize)) = slot;
        entries.Count++;
        if (day < _earliest)
        {
            _earliest = day;
        }
    }

    /// <summary>Fills <paramref name="due"/> with the slots that fall due by <paramref name="today"/>, each once, in the order of their days and, within a day, of their entries.</summary>
    public void DueUpTo(int today, List<int> due)
    {
        due.Clear();
        if (today < _earliest)
        {
            return;
        }

        EnsureKeptBits();
        try
        {
            var last = Math.Min(today - _firstDay, _days.Length - 1);
            for (var index = Math.Max(0, _earliest - _firstDay); index <= last; index++)
            {
                if (_days[index].Open)
                {
                    CollectLive(_firstDay + index, _days[index], due);
                }
            }
        }
        finally
        {
            // A bit left set would hide its slot from every later night: cleared even when growing the list failed.
            foreach (var slot in due)
            {
                Unmark(slot);
            }
        }
    }

    /// <summary>Drops every entry up to <paramref name="today"/>: what was due has been moved on, and added under its next day if it has one.</summary>
    public void DropUpTo(int today)
    {
        if (today < _earliest)
        {
            return;
        }

        var last = Math.Min(today - _firstDay, _days.Length - 1);
        for (var index = Math.Max(0, _earliest - _firstDay); index <= last; index++)
        {
            if (_days[index].Open)
            {
                Drop(_firstDay + index);
            }
        }

        _earliest = EarliestDayFrom(today + 1);
    }

    /// <summary>Makes <see cref="EarliestDue"/> exact: drops the earliest days while they hold only stale entries.</summary>
    public void Settle()
    {
        while (_earliest != int.MaxValue && (uint)(_earliest - _firstDay) < (uint)_days.Length && _days[_earliest - _firstDay].Open)
        {
            if (CollectLive(_earliest, _days[_earliest - _firstDay], into: null))
            {
                return;
            }

            Drop(_earliest);
            _earliest = EarliestDayFrom(_earliest + 1);
        }
    }

    /// <summary>Forgets every entry, before the index adds all its slots again.</summary>
    public void Clear()
    {
        for (var index = 0; index < _days.Length; index++)
        {
            if (_days[index].Open)
            {
                Drop(_firstDay + index);
            }
        }

        _earliest = int.MaxValue;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref int Entry(int index) => ref _pages[index >> PageBits][index & PageMask];

    /// <summary>Adds a day's live entries to <paramref name="into"/>; with none, only finds whether it has one.</summary>
    /// <returns>Whether the day has a live entry.</returns>
    private bool CollectLive(int day, Day entries, List<int>? into)
    {
        var found = false;
        var chunk = entries.Head;
        for (var start = 0; start < entries.Count; start += ChunkSize)
        {
            if (start > 0)
            {
                chunk = _nextChunk[chunk];
            }

            var first = chunk << ChunkBits;
            var count = Math.Min(ChunkSize, entries.Count - start);
            if (into is not null)
            {
                PrefetchChunk(first, count);
            }

            for (var i = 0; i < count; i++)
            {
                var slot = Entry(first + i);
                if (IsLive(slot, day))
                {
                    if (into is null)
                    {
                        return true;
                    }

                    // A slot noted twice under its day is due once: the bits mark what this collection holds.
                    if (!IsMarked(slot))
                    {
                        // Added first, so that every bit set is one DueUpTo clears.
                        into.Add(slot);
                        Mark(slot);
                    }

                    found = true;
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Starts loading the slots of a chunk of entries, then the rows of their youths, before any entry is checked: an
    /// archived slot's due day needs its youth's kept age limit, and archiving or deleting what is due reads the row
    /// again. A night's entries are independent of each other: checked one by one, each slot and each row is a miss
    /// the next entry waits for; loaded together, they overlap.
    /// </summary>
    private void PrefetchChunk(int first, int count)
    {
        var highWater = _slots.HighWater;
        for (var i = 0; i < count; i++)
        {
            var slot = Entry(first + i);
            if (slot < highWater)
            {
                _slots.Prefetch(slot);
            }
        }

        for (var i = 0; i < count; i++)
        {
            var slot = Entry(first + i);
            if (IsTaken(slot))
            {
                _lifetime.PrefetchRowOf(_slots[slot].Youth);
            }
        }
    }

    private bool IsLive(int slot, int day) => IsTaken(slot) && _lifetime.DueDayOf(ref _slots[slot]) == day;

    // An entry is a hint (see the remarks): the slot it names may have been freed since, or never be taken again.
    private bool IsTaken(int slot) => slot < _slots.HighWater && _slots[slot].State != SignalSlot.Free;

    /// <summary>Keeps only a day's live entries, each slot once, in order, and gives the chunks it no longer needs back to the pool.</summary>
    private void Compact(int day, ref Day entries)
    {
        EnsureKeptBits();

        var kept = 0;
        var read = entries.Head;
        var write = entries.Head;
        for (var i = 0; i < entries.Count; i++)
        {
            if (i > 0 && i % ChunkSize == 0)
            {
                read = _nextChunk[read];
            }

            var slot = Entry((read << ChunkBits) + (i % ChunkSize));
            if (!IsLive(slot, day) || IsMarked(slot))
            {
                continue;
            }

            Mark(slot);

            // Never ahead of the read position, so the day's chain is rewritten in place.
            if (kept > 0 && kept % ChunkSize == 0)
            {
                write = _nextChunk[write];
            }

            Entry((write << ChunkBits) + (kept % ChunkSize)) = slot;
            kept++;
        }

        var unused = _nextChunk[write];
        if (unused != NoChunk)
        {
            _nextChunk[entries.Tail] = _freeChunk;
            _freeChunk = unused;
            _nextChunk[write] = NoChunk;
        }

        entries.Tail = write;
        entries.Count = kept;
        entries.Stale = 0;
        var chunk = entries.Head;
        for (var i = 0; i < kept; i++)
        {
            if (i > 0 && i % ChunkSize == 0)
            {
                chunk = _nextChunk[chunk];
            }

            Unmark(Entry((chunk << ChunkBits) + (i % ChunkSize)));
        }
    }

    private bool IsMarked(int slot) => (_kept[slot >> 6] & (1UL << (slot & 63))) != 0;

    private void Mark(int slot) => _kept[slot >> 6] |= 1UL << (slot & 63);

    private void Unmark(int slot) => _kept[slot >> 6] &= ~(1UL << (slot & 63));

    // One bit for each slot up to the high water, or up to the slots the index reserved.
    private void EnsureKeptBits(int slots = 0)
    {
        var needed = Math.Max(_slots.HighWater, slots);
        if ((long)_kept.Length * 64 < needed)
        {
            Array.Resize(ref _kept, (int)Math.Max((needed + 63L) / 64, _kept.Length * 2L));
        }
    }

    // The earliest open day on or after a day before which none is open: the scan starts there, not at the table's
    // first day, which after years of nights lies hundreds of closed days back.
    private int EarliestDayFrom(int day)
    {
        if (_openDays == 0)
        {
            return int.MaxValue;
        }

        var index = Math.Max(0, day - _firstDay);
        while (!_days[index].Open)
        {
            index++;
        }

        return _firstDay + index;
    }

    private int TakeChunk()
    {
        if (_freeChunk != NoChunk)
        {
            var reused = _freeChunk;
            _freeChunk = _nextChunk[reused];
            _nextChunk[reused] = NoChunk;
            return reused;
        }

        if (_chunksTaken == _chunkCapacity)
        {
            AddPage();
        }

        _nextChunk[_chunksTaken] = NoChunk;
        return _chunksTaken++;
    }

    private void AddPage()
    {
        var page = _chunkCapacity / ChunksPerPage;
        if (page == _pages.Length)
        {
            Array.Resize(ref _pages, _pages.Length * 2);
        }

        _pages[page] = new int[1 << PageBits];
        _chunkCapacity += ChunksPerPage;
        if (_nextChunk.Length < _chunkCapacity)
        {
            Array.Resize(ref _nextChunk, Math.Max(_chunkCapacity, _nextChunk.Length * 2));
        }
    }

    /// <summary>Gives a day's chunks back to the pool.</summary>
    private void Drop(int day)
    {
        ref var entries = ref _days[day - _firstDay];
        _nextChunk[entries.Tail] = _freeChunk;
        _freeChunk = entries.Head;
        entries = default;
        _openDays--;
    }

    /// <summary>The bucket of a day, moving or growing the table of days when the day lies outside it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref Day DayAt(int day)
    {
        var index = day - _firstDay;
        if ((uint)index >= (uint)_days.Length)
        {
            Rebase(day);
            index = day - _firstDay;
        }

        return ref _days[index];
    }

    /// <summary>
    /// Makes the table of days hold <paramref name="day"/> and every open day: the days before the earliest open one are
    /// over, so the table moves forward in place while the open days fit, and doubles when they do not.
    /// </summary>
    private void Rebase(int day)
    {
        if (_openDays == 0)
        {
            _firstDay = day;
            return;
        }

        var first = Math.Min(day, EarliestDayFrom(_earliest));
        var lastOpen = _days.Length - 1;
        while (!_days[lastOpen].Open)
        {
            lastOpen--;
        }

        var last = Math.Max(day, _firstDay + lastOpen);
        var length = _days.Length;
        while (last - first >= length)
        {
            length *= 2;
        }

        var days = length == _days.Length ? _days : new Day[length];
        var from = Math.Max(0, first - _firstDay);
        var to = Math.Max(0, _firstDay - first);
        var count = lastOpen - from + 1;
        Array.Copy(_days, from, days, to, count);
        if (ReferenceEquals(days, _days))
        {
            // What the copy left behind, before or after the moved days, is no longer a day of the table.
            Array.Clear(days, 0, to);
            Array.Clear(days, to + count, days.Length - to - count);
        }

        _days = days;
        _firstDay = first;
    }

    /// <summary>One day's entries: a chain of chunks from <see cref="Head"/> to <see cref="Tail"/>, <see cref="Count"/> in all.</summary>
    private struct Day
    {
        public int Head;

        public int Tail;

        public int Count;

        /// <summary>How many of the entries were noted stale since the day was last compacted (<see cref="Left"/>).</summary>
        public int Stale;

        /// <summary>Whether the day has entries (its chain holds at least one chunk).</summary>
        public bool Open;
    }
}
