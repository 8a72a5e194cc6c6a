using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CareCoordination.Sdk.Internal;

/// <summary>
/// One row per youth the index holds anything for: its key (the BSN or pseudonym as a number) and, side by side, the
/// first slot of its active chain, the first slot of its archive chain, its kept age-limit day (each a
/// <see cref="YouthTable"/> column), where its siblings lie in the family table's pool, its family when it belongs to
/// one (or that it belongs to more), in a pseudonymised index its BSN masked under its pseudonym, and a copy of what
/// the registration path reads of the first slot of its active chain (<see cref="SignalFacts"/>). Every registration
/// reads all of them for its youth and each sibling: in one row they cost the one cache miss that finding the youth
/// costs anyway, where the family table's own dictionary cost two more before the first sibling could be read, and the
/// first slot one more behind the row; a family change reads and writes a member's families and siblings in the same
/// row, and an answer turns a sibling's pseudonym back from the row its registration has just read.
/// </summary>
/// <remarks>
/// Open addressing with linear probing over one array of rows, no per-entry objects. BSN 0 never passes the elfproef,
/// so key 0 marks an empty row. A negative value is an empty column; a row whose columns are all empty is
/// removed by shifting later rows back instead of leaving tombstones, so lookups stay short however long the index
/// runs. A row is one 64-byte cache line, and the rows start on a line boundary where the array is pinned (from
/// 1 MiB, <see cref="LargeArrays"/>): an array that may move keeps its rows whole but not aligned. The copy of a
/// youth's first slot is written whenever the active column is set and by <see cref="RefreshHead"/> after a slot is
/// changed in place, so it never differs from the slot. Not thread-safe: the index guards it.
/// </remarks>
internal sealed class YouthRows
{
    /// <summary>The column of the first slot of a youth's active chain.</summary>
    public const int Active = 0;

    /// <summary>The column of the first slot of a youth's archive chain.</summary>
    public const int Archive = 1;

    /// <summary>The column of a youth's kept age-limit day.</summary>
    public const int AgeLimit = 2;

    /// <summary>The number of <see cref="YouthTable"/> columns a row holds.</summary>
    public const int Columns = 3;

    private const int Empty = -1;

    // The family column of a youth of two or more families, whose list the family table keeps.
    private const int MoreFamilies = -2;

    private const int MinimumCapacity = 16;

    private const int LineBytes = 64;

    private readonly int[] _counts = new int[Columns];
    private readonly SignalSlots? _slots;

    // One row more than _size, so that the rows can start up to a line into the array.
    private Row[] _rows;
    private nint _offset;
    private int _size;
    private int _count;

    /// <summary>Initializes rows whose active column keeps a copy of the first slot's facts from <paramref name="slots"/>, when given.</summary>
    public YouthRows(SignalSlots? slots = null, int capacity = MinimumCapacity)
    {
        Debug.Assert(Unsafe.SizeOf<Row>() == LineBytes, "A row is one cache line.");
        _slots = slots;
        _size = Math.Max(MinimumCapacity, capacity);
        (_rows, _offset) = Allocate(_size);
    }

    /// <summary>Gets the bytes the rows take.</summary>
    public long AllocatedBytes => (long)_rows.Length * Unsafe.SizeOf<Row>();

    /// <summary>The number of youths whose <paramref name="column"/> holds a value.</summary>
    public int CountOf(int column) => _counts[column];

    /// <summary>The youth's value in a column, or -1 when it holds none.</summary>
    public int ValueOf(int key, int column)
    {
        var at = IndexOf(key);
        return at < 0 ? Empty : Unsafe.Add(ref RowAt(at).First, column);
    }

    /// <summary>
    /// The first slot of the youth's active chain, or -1, and in <paramref name="head"/> the copy of its facts: all
    /// from the row, so that the slot itself need not be read unless another follows it.
    /// </summary>
    public int ActiveHeadOf(int key, out SignalFacts head)
    {
        var at = IndexOf(key);
        if (at < 0)
        {
            head = default;
            return Empty;
        }

        ref var row = ref RowAt(at);
        head = row.First == Empty ? default : row.Head;
        return row.First;
    }

    /// <summary>Copies the slot's facts into its youth's row again after the slot changed in place, when it is the first of the youth's active chain.</summary>
    public void RefreshHead(int key, int slot)
    {
        var at = IndexOf(key);
        if (at >= 0 && _slots is not null && RowAt(at).First == slot)
        {
            RowAt(at).Head = SignalFacts.Of(ref _slots[slot]);
        }
    }

    /// <summary>Whether every row's copy of the first slot of its active chain holds what the slot holds; the tests check it after each step.</summary>
    public bool HeadCopiesAgree()
    {
        for (var at = 0; at < _size; at++)
        {
            ref var row = ref RowAt(at);
            if (_slots is not null && row.Key != 0 && row.First != Empty && !row.Head.Equals(SignalFacts.Of(ref _slots[row.First])))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Sets the youth's value in a column; a negative value empties it, and the row goes with its last value.</summary>
    public void Set(int key, int column, int value)
    {
        if (value < 0)
        {
            Clear(key, column);
            return;
        }

        ref var row = ref RowFor(key);
        ref var held = ref Unsafe.Add(ref row.First, column);
        if (held == Empty)
        {
            _counts[column]++;
        }

        held = value;
        if (column == Active && _slots is not null)
        {
            row.Head = SignalFacts.Of(ref _slots[value]);
        }
    }

    /// <summary>Gets the values in a column, in table order, for the rare passes over every youth.</summary>
    public IEnumerable<int> ValuesOf(int column)
    {
        for (var at = 0; at < _size; at++)
        {
            var row = RowAt(at);
            var value = ValueIn(row, column);
            if (row.Key != 0 && value != Empty)
            {
                yield return value;
            }
        }
    }

    /// <summary>
    /// Starts loading the row where the youth's search begins, so that the miss overlaps the work done before the
    /// row is read. Safe outside the index lock: it reads the table's fields once each, checks the index against the
    /// rows it read, and only prefetches.
    /// </summary>
    public void Prefetch(int key)
    {
        var rows = _rows;
        var offset = _offset;
        var index = Home(key);
        if ((uint)index < (uint)(rows.Length - 1))
        {
            CacheLines.Prefetch(ref At(rows, offset, index));
        }
    }

    /// <summary>Makes room for this many youths, so that adding them does not grow the rows step by step.</summary>
    public void EnsureCapacity(int youths)
    {
        // Sized to the youths, not to a power of two: at a region's size the next power of two can be twice the rows.
        var rows = (((youths + 1L) * 10) + 6) / 7;
        if (rows > _size)
        {
            Resize((int)Math.Min(Array.MaxLength - 1, rows));
        }
    }

    /// <summary>How many siblings the youth has, and in <paramref name="start"/> where their run in the pool starts.</summary>
    public int SiblingsOf(int key, out int start)
    {
        var at = IndexOf(key);
        if (at < 0)
        {
            start = Empty;
            return 0;
        }

        start = RowAt(at).SiblingStart;
        return RowAt(at).SiblingCount;
    }

    /// <summary>Sets where the youth's siblings lie in the pool; a count of 0 says it has none.</summary>
    public void SetSiblings(int key, int start, int count)
    {
        if (count == 0)
        {
            var at = IndexOf(key);
            if (at >= 0 && RowAt(at).SiblingCount > 0)
            {
                RowAt(at).SiblingStart = Empty;
                RowAt(at).SiblingCount = 0;
                RemoveIfEmpty(at);
            }

            return;
        }

        ref var row = ref RowFor(key);
        row.SiblingStart = start;
        row.SiblingCount = count;
    }

    /// <summary>
    /// Whether the youth belongs to no family (0), to one (1, its identifier in <paramref name="only"/>), or to two or
    /// more (2, listed by the family table).
    /// </summary>
    public int FamiliesOf(int key, out int only)
    {
        var at = IndexOf(key);
        only = at < 0 ? Empty : RowAt(at).Family;
        return only switch
        {
            Empty => 0,
            MoreFamilies => 2,
            _ => 1,
        };
    }

    /// <summary>Sets how many families the youth belongs to and, when it is one, which; a count of 0 says it belongs to none.</summary>
    public void SetFamilies(int key, int only, int count)
    {
        if (count == 0)
        {
            var at = IndexOf(key);
            if (at >= 0 && RowAt(at).Family != Empty)
            {
                RowAt(at).Family = Empty;
                RemoveIfEmpty(at);
            }

            return;
        }

        RowFor(key).Family = count == 1 ? only : MoreFamilies;
    }

    /// <summary>The youth's BSN masked under its key (<see cref="Privacy.NumberMask"/>), or -1 when its row keeps none.</summary>
    public int MaskedNumberOf(int key)
    {
        var at = IndexOf(key);
        return at < 0 ? Empty : RowAt(at).MaskedNumber;
    }

    /// <summary>
    /// Keeps the youth's masked BSN in its row, when it has one: a row that holds nothing else is not made for it, and
    /// the number goes with the row.
    /// </summary>
    public void KeepMaskedNumber(int key, int masked)
    {
        var at = IndexOf(key);
        if (at >= 0)
        {
            RowAt(at).MaskedNumber = masked;
        }
    }

    private void Clear(int key, int column)
    {
        var index = IndexOf(key);
        if (index < 0)
        {
            return;
        }

        ref var held = ref Unsafe.Add(ref RowAt(index).First, column);
        if (held == Empty)
        {
            return;
        }

        held = Empty;
        _counts[column]--;
        RemoveIfEmpty(index);
    }

    // The row of a youth, added with every column empty when there is none; the rows grow first when a new one would
    // pass the load factor.
    private ref Row RowFor(int key)
    {
        if ((_count + 1) * 10 > _size * 7)
        {
            Grow();
        }

        var index = Home(key);
        while (true)
        {
            ref var row = ref RowAt(index);
            if (row.Key == 0)
            {
                row.Key = key;
                row.First = row.Second = row.Third = row.SiblingStart = row.Family = row.MaskedNumber = Empty;
                row.SiblingCount = 0;
                _count++;
                return ref row;
            }

            if (row.Key == key)
            {
                return ref row;
            }

            index = Next(index);
        }
    }

    private int IndexOf(int key)
    {
        var index = Home(key);
        while (true)
        {
            var candidate = RowAt(index).Key;
            if (candidate == key)
            {
                return index;
            }

            if (candidate == 0)
            {
                return -1;
            }

            index = Next(index);
        }
    }

    private void RemoveIfEmpty(int index)
    {
        ref var row = ref RowAt(index);
        if (row.First == Empty && row.Second == Empty && row.Third == Empty && row.SiblingCount == 0 && row.Family == Empty)
        {
            Remove(index);
        }
    }

    private void Remove(int index)
    {
        var hole = index;
        var next = index;
        while (true)
        {
            next = Next(next);
            var moving = RowAt(next).Key;
            if (moving == 0)
            {
                break;
            }

            var home = Home(moving);
            var staysPut = hole <= next ? hole < home && home <= next : hole < home || home <= next;
            if (!staysPut)
            {
                RowAt(hole) = RowAt(next);
                hole = next;
            }
        }

        RowAt(hole) = default;
        _count--;
    }

    private void Grow() => Resize((int)Math.Min(Array.MaxLength - 1, _size * 2L));

    private void Resize(int size)
    {
        var (old, oldOffset, oldSize) = (_rows, _offset, _size);
        (_rows, _offset) = Allocate(size);
        _size = size;
        for (var at = 0; at < oldSize; at++)
        {
            var row = At(old, oldOffset, at);
            if (row.Key == 0)
            {
                continue;
            }

            var index = Home(row.Key);
            while (RowAt(index).Key != 0)
            {
                index = Next(index);
            }

            RowAt(index) = row;
        }
    }

    // Fibonacci hashing, so that BSNs handed out in sequence do not cluster in neighbouring rows, then the high bits
    // mapped onto the table by a multiply and a shift (Lemire's range reduction), which needs no power-of-two size.
    private int Home(int key) => (int)(((ulong)((uint)key * 2654435769u) * (uint)_size) >> 32);

    private int Next(int index) => index + 1 == _size ? 0 : index + 1;

    private static int ValueIn(Row row, int column) => Unsafe.Add(ref row.First, column);

    // One row more than asked for, and where the first line boundary lies in it, in bytes: a pinned array never
    // moves, so its rows stay on line boundaries. One that may move reads and writes the same rows from anywhere.
    private static (Row[] Rows, nint Offset) Allocate(int size)
    {
        var rows = LargeArrays.Allocate<Row>(size + 1);
        var address = (long)Marshal.UnsafeAddrOfPinnedArrayElement(rows, 0);
        return (rows, (nint)((LineBytes - (address % LineBytes)) % LineBytes));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref Row At(Row[] rows, nint offset, int index) =>
        ref Unsafe.Add(ref Unsafe.As<byte, Row>(ref Unsafe.AddByteOffset(ref Unsafe.As<Row, byte>(ref MemoryMarshal.GetArrayDataReference(rows)), offset)), index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref Row RowAt(int index)
    {
        Debug.Assert((uint)index < (uint)_size, "Row index in range.");
        return ref At(_rows, _offset, index);
    }

    // Eight ints and the first active slot's facts: one cache line. The YouthTable columns are read as First plus the
    // column number. The masked number keeps no row: it is kept while the row holds anything else.
    private struct Row
    {
        public int Key;
        public int First;
        public int Second;
        public int Third;
        public int SiblingStart;
        public int SiblingCount;
        public int Family;
        public int MaskedNumber;
        public SignalFacts Head;
    }
}
