using System;
using System.Numerics;
using CareCoordination.Sdk.Internal;

namespace CareCoordination.Sdk.Matching;

/// <summary>
/// Where the family table keeps every youth's siblings: one array of <see cref="Sibling"/> values, cut into runs
/// whose capacities are powers of two, each youth's siblings one run. A run given back goes onto a free list of its
/// capacity and is handed out again, so once the pool has grown to a region's families, a family change from the
/// population register allocates nothing, where an array per youth made the collector pay for every change.
/// </summary>
/// <remarks>Not thread-safe: the index calls it under its lock.</remarks>
internal sealed class SiblingPool
{
    private const int NoRun = -1;

    // Capacity classes 2^0 up to 2^30: more siblings than that cannot be held in one array anyway.
    private readonly int[] _free = new int[31];
    private Sibling[] _items;
    private int _used;

    public SiblingPool(int capacity = 64)
    {
        _items = LargeArrays.Allocate<Sibling>(Math.Max(1, capacity));
        _free.AsSpan().Fill(NoRun);
    }

    /// <summary>The capacity of the run that holds <paramref name="count"/> siblings.</summary>
    public static int CapacityFor(int count) => (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, count));

    /// <summary>The siblings of the run starting at <paramref name="start"/>.</summary>
    public ReadOnlySpan<Sibling> this[int start, int count] => _items.AsSpan(start, count);

    /// <summary>Takes a run for <paramref name="siblings"/>, copies them into it and returns where it starts.</summary>
    public int Rent(ReadOnlySpan<Sibling> siblings)
    {
        var capacity = CapacityFor(siblings.Length);
        var size = BitOperations.Log2((uint)capacity);
        var start = _free[size];
        if (start != NoRun)
        {
            // A free run keeps the start of the next free run of its class in its first sibling's key.
            _free[size] = _items[start].Key;
        }
        else
        {
            if (_items.Length - _used < capacity)
            {
                LargeArrays.Resize(ref _items, Math.Max(_items.Length * 2, _used + capacity));
            }

            start = _used;
            _used += capacity;
        }

        siblings.CopyTo(_items.AsSpan(start, capacity));
        return start;
    }

    /// <summary>Gives back the run starting at <paramref name="start"/> that held <paramref name="count"/> siblings.</summary>
    public void Return(int start, int count)
    {
        var capacity = CapacityFor(count);
        var size = BitOperations.Log2((uint)capacity);
        _items.AsSpan(start, capacity).Clear();
        _items[start] = new Sibling(_free[size], default, default);
        _free[size] = start;
    }

    /// <summary>Reserves room for this many siblings in all.</summary>
    public void EnsureCapacity(int siblings)
    {
        if (_items.Length < siblings)
        {
            LargeArrays.Resize(ref _items, siblings);
        }
    }

    /// <summary>Overwrites the run starting at <paramref name="start"/> with <paramref name="siblings"/> when they need a run of its capacity.</summary>
    /// <returns>Whether they did; when not, the caller gives the run back and rents one of the right capacity.</returns>
    public bool TryReplace(int start, int count, ReadOnlySpan<Sibling> siblings)
    {
        var capacity = CapacityFor(count);
        if (CapacityFor(siblings.Length) != capacity)
        {
            return false;
        }

        var run = _items.AsSpan(start, capacity);
        siblings.CopyTo(run);
        run[siblings.Length..].Clear();
        return true;
    }
}
