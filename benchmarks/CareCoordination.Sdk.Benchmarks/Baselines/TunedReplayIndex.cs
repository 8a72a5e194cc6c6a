using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CareCoordination.Sdk.Benchmarks.Replay;
using CareCoordination.Sdk.Internal;

namespace CareCoordination.Sdk.Benchmarks.Baselines;

/// <summary>
/// The replay's rules in the layout a design tuned for this one workload would choose, the column issue 17 measures the
/// index against: one 64-byte cache line per youth that holds its key, its age limit, its siblings' lines and its first
/// four signals, so that a registration reads its youth's line and its siblings' lines and nothing else, and a night
/// reads the lines of the youths its calendar day names.
/// </summary>
/// <remarks>
/// It keeps only what the replay counts: no signal identifiers, reporters, registration times, answers, authorisation,
/// coordinator, observers or undo, and one family per youth, as the generator makes them. So it is not a rival to the
/// index but a measure of what the replay's unavoidable memory accesses cost on the machine at hand: the part of issue
/// 17's 600 ns that layout alone can reach there. Its rows and family table are reserved for the region's youths at the
/// start and advised for huge pages, as the reserved index's tables are; its overflow blocks (rare) and its calendar
/// grow as needed. It registers one signal at a time and looks at no later one.
/// </remarks>
internal sealed class TunedReplayIndex : ReplayTarget
{
    private const byte Active = 1;
    private const byte Archived = 2;
    private const byte Offered = 1;
    private const byte EndsAtAgeLimit = 2;
    private const int LineBytes = 64;
    private const int InlineSignals = 4;
    private const int BlockSignals = 7;
    private const int FamilyCapacity = 4;

    private readonly Row[] _rowStorage;
    private readonly int _rowShift;
    private readonly int _rowCount;
    private readonly Members[] _families;
    private readonly List<Block> _blocks = [];
    private readonly Stack<int> _freeBlocks = new();
    private readonly int[]?[] _calendar;
    private readonly int[] _calendarCount;
    private readonly Stack<int[]> _spareDays = new();

    public TunedReplayIndex(ReplayWorkload workload)
        : base(workload)
    {
        if (Unsafe.SizeOf<Row>() != LineBytes || Unsafe.SizeOf<Block>() != LineBytes)
        {
            throw new InvalidOperationException("A youth's row and an overflow block must each be one cache line.");
        }

        // Rows for the region's youths at 70 % load, one spare so that the first row can start on a line boundary.
        _rowCount = (int)Math.Min(Array.MaxLength - 1, ((workload.Youths + 1L) * 10 / 7) + 1);
        // Aligned only where LargeArrays pins the array (from 1 MiB, over 11,000 youths): a smaller one may move, and
        // its rows then straddle lines, which costs time but reads and writes the same rows.
        _rowStorage = LargeArrays.Allocate<Row>(_rowCount + 1);
        var address = (long)Marshal.UnsafeAddrOfPinnedArrayElement(_rowStorage, 0);
        _rowShift = (int)((LineBytes - (address % LineBytes)) % LineBytes);

        _families = LargeArrays.Allocate<Members>(workload.Family.Max() + 1);

        // A day is kept as an unsigned 16-bit number in a signal; the calendar needs one entry per night replayed only.
        if (workload.ArchivedUntil.Max() > ushort.MaxValue)
        {
            throw new InvalidOperationException("The replay runs past the days a signal can hold.");
        }

        _calendar = new int[workload.Days][];
        _calendarCount = new int[workload.Days];
    }

    /// <summary>The most signals one youth held at once: past four, its signals run on in overflow blocks.</summary>
    public int MostSignalsOnOneYouth { get; private set; }

    /// <summary>Overflow blocks taken and not given back.</summary>
    public int BlocksInUse => _blocks.Count - _freeBlocks.Count;

    /// <summary>
    /// Counts what the rows hold, by walking every row: the active and the archived signals, and the overflow blocks
    /// their signals need, which must equal <see cref="BlocksInUse"/> or a block went astray.
    /// </summary>
    public (int Active, int Archived, int BlocksNeeded) Census()
    {
        var (active, archived, blocks) = (0, 0, 0);
        for (var at = 0; at < _rowCount; at++)
        {
            ref var row = ref RowAt(at);
            for (var p = 0; p < row.Count; p++)
            {
                if (SignalAt(ref row, p).State == Active)
                {
                    active++;
                }
                else
                {
                    archived++;
                }
            }

            blocks += (Math.Max(0, row.Count - InlineSignals) + BlockSignals - 1) / BlockSignals;
        }

        return (active, archived, blocks);
    }

    protected override void RunDailyJob(int day, ReplayCounts counts)
    {
        var due = _calendar[day];
        if (due is null)
        {
            return;
        }

        var length = _calendarCount[day];
        // Eight rows in flight: enough for the work on the rows before them to cover a miss, few enough for the miss buffers.
        const int Ahead = 8;
        for (var k = 0; k < Math.Min(Ahead, length); k++)
        {
            CacheLines.Prefetch(ref RowAt(due[k]));
        }

        for (var k = 0; k < length; k++)
        {
            if (k + Ahead < length)
            {
                CacheLines.Prefetch(ref RowAt(due[k + Ahead]));
            }

            Expire(due[k], day, counts);
        }

        _calendar[day] = null;
        _spareDays.Push(due);
    }

    protected override void Register(int i, int day, ReplayCounts counts)
    {
        var key = Workload.BsnNumber[i];
        CacheLines.Prefetch(ref RowAt(Home(key)));
        var ageLimit = Workload.AgeLimitDay[i];
        if (ageLimit <= day)
        {
            counts.Refused++;
            return;
        }

        var organisation = Workload.Organisation[i];
        var endsAtAgeLimit = ageLimit <= Workload.ActiveUntil[day];
        var until = (ushort)(endsAtAgeLimit ? ageLimit : Workload.ActiveUntil[day]);
        var flags = endsAtAgeLimit ? EndsAtAgeLimit : (byte)0;
        var at = RowFor(key, ageLimit);
        ref var row = ref RowAt(at);
        if (row.Family == 0 && Workload.Family[i] != 0)
        {
            Join(at, Workload.Family[i]);
        }

        for (var s = 0; s < row.SiblingCount; s++)
        {
            CacheLines.Prefetch(ref RowAt(row.Siblings[s]));
        }

        for (var p = 0; p < row.Count; p++)
        {
            ref var signal = ref SignalAt(ref row, p);
            if (signal.State == Active && signal.Organisation == organisation)
            {
                signal.Until = until;
                signal.Flags = flags;
                Schedule(until, at);
                counts.Renewed++;
                return;
            }
        }

        for (var p = 0; p < row.Count; p++)
        {
            ref var signal = ref SignalAt(ref row, p);
            if (signal.Organisation == organisation)
            {
                continue;
            }

            if (signal.State == Active)
            {
                counts.SameYouthMatches++;
            }
            else if ((signal.Flags & Offered) == 0)
            {
                signal.Flags |= Offered;
                counts.ArchivedMatches++;
            }
        }

        for (var s = 0; s < row.SiblingCount; s++)
        {
            ref var sibling = ref RowAt(row.Siblings[s]);
            for (var p = 0; p < sibling.Count; p++)
            {
                ref var signal = ref SignalAt(ref sibling, p);
                if (signal.State == Active && signal.Organisation != organisation)
                {
                    counts.FamilyMatches++;
                }
            }
        }

        ref var added = ref Append(ref row);
        added.Organisation = organisation;
        added.Until = until;
        added.State = Active;
        added.Flags = flags;
        Schedule(until, at);
        counts.Registered++;
    }

    private void Expire(int at, int day, ReplayCounts counts)
    {
        ref var row = ref RowAt(at);
        for (var p = 0; p < row.Count;)
        {
            ref var signal = ref SignalAt(ref row, p);
            if (signal.Until > day)
            {
                p++;
            }
            else if (signal.State == Archived)
            {
                RemoveAt(ref row, p);
                counts.DeletedFromArchive++;
            }
            else if ((signal.Flags & EndsAtAgeLimit) != 0)
            {
                RemoveAt(ref row, p);
                counts.RemovedAtAgeLimit++;
            }
            else
            {
                // The archive keeps it 60 months, or until the youth turns 23 if that comes first.
                var archivedUntil = (ushort)Math.Min(Workload.ArchivedUntil[day], row.AgeLimit);
                signal.State = Archived;
                signal.Until = archivedUntil;
                signal.Flags = 0;
                Schedule(archivedUntil, at);
                counts.ExpiredToArchive++;
                p++;
            }
        }
    }

    // Fibonacci hashing onto the rows, scaled rather than masked so that the table need not be a power of two.
    private int Home(int key) => (int)(((ulong)((uint)key * 0x9E3779B1u) * (ulong)_rowCount) >> 32);

    private ref Row RowAt(int at) =>
        ref Unsafe.Add(ref Unsafe.As<byte, Row>(ref Unsafe.AddByteOffset(ref Unsafe.As<Row, byte>(ref _rowStorage[0]), _rowShift)), at);

    // Linear probing without deletion: a youth keeps its row for the replay, so siblings may point at it.
    private int RowFor(int key, int ageLimit)
    {
        for (var at = Home(key); ; at = at + 1 == _rowCount ? 0 : at + 1)
        {
            ref var row = ref RowAt(at);
            if (row.Key == key)
            {
                return at;
            }

            if (row.Key == 0)
            {
                row.Key = key;
                row.AgeLimit = ageLimit;
                row.Overflow = -1;
                return at;
            }
        }
    }

    private void Join(int at, int family)
    {
        ref var members = ref _families[family];
        ref var row = ref RowAt(at);
        row.Family = family;
        for (var m = 0; m < members.Count; m++)
        {
            var member = members.Rows[m];
            ref var other = ref RowAt(member);
            if (other.SiblingCount == FamilyCapacity - 1 || row.SiblingCount == FamilyCapacity - 1)
            {
                throw new InvalidOperationException("The tuned layout holds families of at most four youths.");
            }

            other.Siblings[other.SiblingCount++] = at;
            row.Siblings[row.SiblingCount++] = member;
        }

        members.Rows[members.Count++] = at;
    }

    private void Schedule(int day, int at)
    {
        if (day >= _calendar.Length)
        {
            return;
        }

        var entries = _calendar[day] ??= _spareDays.Count > 0 ? _spareDays.Pop() : new int[1024];
        var count = _calendarCount[day];
        if (count == entries.Length)
        {
            var outgrown = entries;
            Array.Resize(ref entries, count * 2);
            _calendar[day] = entries;
            _spareDays.Push(outgrown);
        }

        entries[count] = at;
        _calendarCount[day] = count + 1;
    }

    private ref Signal SignalAt(ref Row row, int position)
    {
        if (position < InlineSignals)
        {
            return ref row.Signals[position];
        }

        var block = row.Overflow;
        for (position -= InlineSignals; position >= BlockSignals; position -= BlockSignals)
        {
            block = CollectionsMarshal.AsSpan(_blocks)[block].Next;
        }

        return ref CollectionsMarshal.AsSpan(_blocks)[block].Held[position];
    }

    private ref Signal Append(ref Row row)
    {
        if (row.Count == byte.MaxValue)
        {
            throw new InvalidOperationException("The tuned layout holds at most 255 signals on one youth.");
        }

        var position = row.Count;
        var beyond = position - InlineSignals;
        if (beyond >= 0 && beyond % BlockSignals == 0)
        {
            var block = TakeBlock();
            if (beyond == 0)
            {
                row.Overflow = block;
            }
            else
            {
                LastBlock(ref row, beyond - 1).Next = block;
            }
        }

        row.Count++;
        MostSignalsOnOneYouth = Math.Max(MostSignalsOnOneYouth, row.Count);
        return ref SignalAt(ref row, position);
    }

    // The order of a youth's signals means nothing to the rules, so the last one fills the gap.
    private void RemoveAt(ref Row row, int position)
    {
        var last = row.Count - 1;
        SignalAt(ref row, position) = SignalAt(ref row, last);
        row.Count--;
        var beyond = last - InlineSignals;
        if (beyond >= 0 && beyond % BlockSignals == 0)
        {
            if (beyond == 0)
            {
                _freeBlocks.Push(row.Overflow);
                row.Overflow = -1;
            }
            else
            {
                ref var before = ref LastBlock(ref row, beyond - 1);
                _freeBlocks.Push(before.Next);
                before.Next = -1;
            }
        }
    }

    private ref Block LastBlock(ref Row row, int beyond)
    {
        var block = row.Overflow;
        for (var reached = BlockSignals; reached <= beyond; reached += BlockSignals)
        {
            block = CollectionsMarshal.AsSpan(_blocks)[block].Next;
        }

        return ref CollectionsMarshal.AsSpan(_blocks)[block];
    }

    private int TakeBlock()
    {
        if (_freeBlocks.Count > 0)
        {
            return _freeBlocks.Pop();
        }

        _blocks.Add(new Block { Next = -1 });
        return _blocks.Count - 1;
    }

    private struct Signal
    {
        public int Organisation;
        public ushort Until;
        public byte State;
        public byte Flags;
    }

    [InlineArray(InlineSignals)]
    private struct RowSignals
    {
        private Signal _first;
    }

    [InlineArray(FamilyCapacity - 1)]
    private struct SiblingRows
    {
        private int _first;
    }

    [StructLayout(LayoutKind.Sequential, Size = LineBytes)]
    private struct Row
    {
        public int Key;
        public int AgeLimit;
        public int Family;
        public int Overflow;
        public byte Count;
        public byte SiblingCount;
        public SiblingRows Siblings;
        public RowSignals Signals;
    }

    [InlineArray(BlockSignals)]
    private struct BlockSignalArray
    {
        private Signal _first;
    }

    [StructLayout(LayoutKind.Sequential, Size = LineBytes)]
    private struct Block
    {
        public BlockSignalArray Held;
        public int Next;
    }

    [InlineArray(FamilyCapacity)]
    private struct MemberRows
    {
        private int _first;
    }

    private struct Members
    {
        public MemberRows Rows;
        public int Count;
    }
}
