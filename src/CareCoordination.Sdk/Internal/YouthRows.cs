using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace CareCoordination.Sdk.Internal;

/// <summary>
/// One row per youth the index holds anything for: its key (the BSN or pseudonym as a number) and, side by side, the
/// first slot of its active chain, the first slot of its archive chain, its kept age-limit day (each a
/// <see cref="YouthTable"/> column), where its siblings lie in the family table's pool, its family when it belongs to
/// one (or that it belongs to more), and in a pseudonymised index its BSN masked under its pseudonym. Every
/// registration reads all of them for its youth: in one row they cost the one cache miss that finding the youth costs
/// anyway, where the family table's own dictionary cost two more before the first sibling could be read; a family
/// change reads and writes a member's families and siblings in the same row, and an answer turns a sibling's pseudonym
/// back from the row its registration has just read.
/// </summary>
/// <remarks>
/// Open addressing with linear probing over one array of rows, no per-entry objects. BSN 0 never passes the elfproef,
/// so key 0 marks an empty row. A negative value is an empty column; a row whose columns are all empty is
/// removed by shifting later rows back instead of leaving tombstones, so lookups stay short however long the index
/// runs. Not thread-safe: the index guards it.
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

    private readonly int[] _counts = new int[Columns];
    private Row[] _rows;
    private int _size;
    private int _count;

    public YouthRows(int capacity = MinimumCapacity)
    {
        _size = Math.Max(MinimumCapacity, capacity);
        _rows = LargeArrays.Allocate<Row>(_size);
    }

    /// <summary>Gets the bytes the rows take.</summary>
    public long AllocatedBytes => (long)_rows.Length * Unsafe.SizeOf<Row>();

    /// <summary>The number of youths whose <paramref name="column"/> holds a value.</summary>
    public int CountOf(int column) => _counts[column];

    /// <summary>The youth's value in a column, or -1 when it holds none.</summary>
    public int ValueOf(int key, int column) => ValueAt(IndexOf(key), column);

    /// <summary>
    /// Where the youth's row lies, or -1 when it has none: for a registration that reads several of the row's values,
    /// so that it searches for the row once. Valid until a row is added or removed.
    /// </summary>
    public int Find(int key) => IndexOf(key);

    /// <summary>A value of the row <see cref="Find"/> gave, or -1 when there is no row or the column holds none.</summary>
    public int ValueAt(int at, int column) => at < 0 ? Empty : Unsafe.Add(ref _rows[at].First, column);

    /// <summary>Sets the youth's value in a column; a negative value empties it, and the row goes with its last value.</summary>
    public void Set(int key, int column, int value)
    {
        if (value < 0)
        {
            Clear(key, column);
            return;
        }

        ref var held = ref Unsafe.Add(ref RowFor(key).First, column);
        if (held == Empty)
        {
            _counts[column]++;
        }

        held = value;
    }

    /// <summary>Gets the values in a column, in table order, for the rare passes over every youth.</summary>
    public IEnumerable<int> ValuesOf(int column)
    {
        foreach (var row in _rows)
        {
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
        var index = Home(key);
        if ((uint)index < (uint)rows.Length)
        {
            CacheLines.Prefetch(ref rows[index]);
        }
    }

    /// <summary>Makes room for this many youths, so that adding them does not grow the rows step by step.</summary>
    public void EnsureCapacity(int youths)
    {
        // Sized to the youths, not to a power of two: at a region's size the next power of two can be twice the rows.
        var rows = (((youths + 1L) * 10) + 6) / 7;
        if (rows > _rows.Length)
        {
            Resize((int)Math.Min(Array.MaxLength, rows));
        }
    }

    /// <summary>How many siblings the youth has, and in <paramref name="start"/> where their run in the pool starts.</summary>
    public int SiblingsOf(int key, out int start) => SiblingsAt(IndexOf(key), out start);

    /// <summary>How many siblings the row <see cref="Find"/> gave has, and in <paramref name="start"/> where their run starts.</summary>
    public int SiblingsAt(int at, out int start)
    {
        if (at < 0)
        {
            start = Empty;
            return 0;
        }

        start = _rows[at].SiblingStart;
        return _rows[at].SiblingCount;
    }

    /// <summary>Sets where the youth's siblings lie in the pool; a count of 0 says it has none.</summary>
    public void SetSiblings(int key, int start, int count)
    {
        if (count == 0)
        {
            var at = IndexOf(key);
            if (at >= 0 && _rows[at].SiblingCount > 0)
            {
                _rows[at].SiblingStart = Empty;
                _rows[at].SiblingCount = 0;
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
        only = at < 0 ? Empty : _rows[at].Family;
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
            if (at >= 0 && _rows[at].Family != Empty)
            {
                _rows[at].Family = Empty;
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
        return at < 0 ? Empty : _rows[at].MaskedNumber;
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
            _rows[at].MaskedNumber = masked;
        }
    }

    private void Clear(int key, int column)
    {
        var index = IndexOf(key);
        if (index < 0)
        {
            return;
        }

        ref var held = ref Unsafe.Add(ref _rows[index].First, column);
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
        if ((_count + 1) * 10 > _rows.Length * 7)
        {
            Grow();
        }

        var index = Home(key);
        while (true)
        {
            ref var row = ref _rows[index];
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
            var candidate = _rows[index].Key;
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
        ref var row = ref _rows[index];
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
            var moving = _rows[next].Key;
            if (moving == 0)
            {
                break;
            }

            if (!LinearProbing.StaysPut(hole, Home(moving), next))
            {
                _rows[hole] = _rows[next];
                hole = next;
            }
        }

        _rows[hole] = default;
        _count--;
    }

    private void Grow() => Resize((int)Math.Min(Array.MaxLength, _rows.Length * 2L));

    private void Resize(int size)
    {
        var old = _rows;
        _rows = LargeArrays.Allocate<Row>(size);
        _size = size;
        foreach (var row in old)
        {
            if (row.Key == 0)
            {
                continue;
            }

            var index = Home(row.Key);
            while (_rows[index].Key != 0)
            {
                index = Next(index);
            }

            _rows[index] = row;
        }
    }

    // Fibonacci hashing, so that BSNs handed out in sequence do not cluster in neighbouring rows, then the high bits
    // mapped onto the table by a multiply and a shift (Lemire's range reduction), which needs no power-of-two size.
    private int Home(int key) => (int)(((ulong)((uint)key * 2654435769u) * (uint)_size) >> 32);

    private int Next(int index) => index + 1 == _size ? 0 : index + 1;

    private static int ValueIn(Row row, int column) => Unsafe.Add(ref row.First, column);

    // Eight ints, so that a row never straddles a cache line. The YouthTable columns are read as First plus the
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
    }
}
