using System;
using System.Collections.Generic;
using System.Numerics;

namespace CareCoordination.Sdk.Internal;

/// <summary>
/// Variable-length lists kept in one array, cut into runs whose capacities are powers of two, each list one run: the
/// family table keeps every youth's siblings and every family's members this way. A run given back goes onto a free
/// list of its capacity and is handed out again, so once the pool has grown to a region's families, a family change
/// from the population register allocates nothing, where an array per list made the collector pay for every change.
/// </summary>
/// <remarks>Not thread-safe: the index calls it under its lock.</remarks>
/// <typeparam name="T">The items: a few fields, no references.</typeparam>
internal sealed class RunPool<T>
    where T : unmanaged
{
    // Capacity classes 2^0 up to 2^30: longer lists cannot be held in one array anyway. Each class's free runs by
    // their starts; a stack only grows to the most runs of its class ever free at once.
    private readonly Stack<int>[] _free = new Stack<int>[31];
    private T[] _items;
    private int _used;

    public RunPool(int capacity = 64)
    {
        _items = LargeArrays.Allocate<T>(Math.Max(1, capacity));
        for (var i = 0; i < _free.Length; i++)
        {
            _free[i] = new Stack<int>();
        }
    }

    /// <summary>The capacity of the run that holds <paramref name="count"/> items.</summary>
    public static int CapacityFor(int count) => (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, count));

    /// <summary>The items of the run starting at <paramref name="start"/>; valid until the pool next grows.</summary>
    public ReadOnlySpan<T> this[int start, int count] => _items.AsSpan(start, count);

    /// <summary>Takes a run for <paramref name="items"/>, copies them into it and returns where it starts.</summary>
    public int Rent(ReadOnlySpan<T> items) => Rent(items, default);

    /// <summary>Takes a run for <paramref name="first"/> followed by <paramref name="second"/>, copies them into it and returns where it starts.</summary>
    public int Rent(ReadOnlySpan<T> first, ReadOnlySpan<T> second)
    {
        var capacity = CapacityFor(first.Length + second.Length);
        if (!_free[BitOperations.Log2((uint)capacity)].TryPop(out var start))
        {
            if (_items.Length - _used < capacity)
            {
                LargeArrays.Resize(ref _items, Math.Max(_items.Length * 2, _used + capacity));
            }

            start = _used;
            _used += capacity;
        }

        Write(start, capacity, first, second);
        return start;
    }

    /// <summary>Gives back the run starting at <paramref name="start"/> that held <paramref name="count"/> items.</summary>
    public void Return(int start, int count)
    {
        var capacity = CapacityFor(count);
        _items.AsSpan(start, capacity).Clear();
        _free[BitOperations.Log2((uint)capacity)].Push(start);
    }

    /// <summary>Reserves room for this many items in all.</summary>
    public void EnsureCapacity(int items)
    {
        if (_items.Length < items)
        {
            LargeArrays.Resize(ref _items, items);
        }
    }

    /// <summary>Overwrites the run starting at <paramref name="start"/> with <paramref name="items"/> when they need a run of its capacity.</summary>
    /// <returns>Whether they did; when not, the caller gives the run back and rents one of the right capacity.</returns>
    public bool TryReplace(int start, int count, ReadOnlySpan<T> items) => TryReplace(start, count, items, default);

    /// <summary>Overwrites the run starting at <paramref name="start"/> with <paramref name="first"/> followed by <paramref name="second"/> when they need a run of its capacity.</summary>
    /// <returns>Whether they did; when not, the caller gives the run back and rents one of the right capacity.</returns>
    public bool TryReplace(int start, int count, ReadOnlySpan<T> first, ReadOnlySpan<T> second)
    {
        var capacity = CapacityFor(count);
        if (CapacityFor(first.Length + second.Length) != capacity)
        {
            return false;
        }

        Write(start, capacity, first, second);
        return true;
    }

    private void Write(int start, int capacity, ReadOnlySpan<T> first, ReadOnlySpan<T> second)
    {
        var run = _items.AsSpan(start, capacity);
        first.CopyTo(run);
        second.CopyTo(run[first.Length..]);
        run[(first.Length + second.Length)..].Clear();
    }
}
