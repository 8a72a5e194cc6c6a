using System;
using System.Collections.Generic;
using System.Numerics;

namespace CareCoordination.Sdk.Internal;

/// <summary>
/// Maps a youth's BSN (as a number) to the first slot of its chain of signals: open addressing with linear probing
/// over one array of (key, head) pairs, so that a lookup costs one cache miss, not two; 8 bytes a bucket, no
/// per-entry objects. BSN 0 never passes the eleven test, so 0 marks an
/// empty bucket. Deletion shifts entries back instead of leaving tombstones, so lookups stay short however long the
/// index runs. Not thread-safe: the index guards it.
/// </summary>
internal sealed class YouthTable
{
    private const int MinimumCapacity = 16;

    private Entry[] _entries;
    private int _mask;
    private int _shift;
    private int _count;

    public YouthTable(int capacity = MinimumCapacity)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(MinimumCapacity, capacity));
        _entries = LargeArrays.Allocate<Entry>(size);
        _mask = size - 1;
        _shift = 32 - BitOperations.Log2((uint)size);
    }

    public int Count => _count;

    public long AllocatedBytes => (long)_entries.Length * sizeof(int) * 2;

    /// <summary>Gets the first slot of every youth's chain, in table order, for the rare passes over every youth.</summary>
    public IEnumerable<int> Heads
    {
        get
        {
            foreach (var entry in _entries)
            {
                if (entry.Key != 0)
                {
                    yield return entry.Head;
                }
            }
        }
    }

    /// <summary>Returns the first slot of the youth's chain, or -1.</summary>
    public int HeadOf(int key)
    {
        var entries = _entries;
        var index = Home(key);
        while (true)
        {
            var candidate = entries[index].Key;
            if (candidate == key)
            {
                return entries[index].Head;
            }

            if (candidate == 0)
            {
                return -1;
            }

            index = (index + 1) & _mask;
        }
    }

    /// <summary>Sets the first slot of the youth's chain; -1 removes the youth.</summary>
    public void SetHead(int key, int head)
    {
        if (head < 0)
        {
            Remove(key);
            return;
        }

        if ((_count + 1) * 10 > _entries.Length * 7)
        {
            Grow();
        }

        var index = Home(key);
        while (true)
        {
            ref var entry = ref _entries[index];
            if (entry.Key == key)
            {
                entry.Head = head;
                return;
            }

            if (entry.Key == 0)
            {
                entry.Key = key;
                entry.Head = head;
                _count++;
                return;
            }

            index = (index + 1) & _mask;
        }
    }

    public void EnsureCapacity(int youths)
    {
        while ((long)youths * 10 > (long)_entries.Length * 7)
        {
            Grow();
        }
    }

    private void Remove(int key)
    {
        var index = Home(key);
        while (true)
        {
            var candidate = _entries[index].Key;
            if (candidate == 0)
            {
                return;
            }

            if (candidate == key)
            {
                break;
            }

            index = (index + 1) & _mask;
        }

        var hole = index;
        var next = index;
        while (true)
        {
            next = (next + 1) & _mask;
            var moving = _entries[next].Key;
            if (moving == 0)
            {
                break;
            }

            var home = Home(moving);
            var staysPut = hole <= next ? hole < home && home <= next : hole < home || home <= next;
            if (!staysPut)
            {
                _entries[hole] = _entries[next];
                hole = next;
            }
        }

        _entries[hole] = default;
        _count--;
    }

    private void Grow()
    {
        var old = _entries;
        var size = old.Length * 2;
        _entries = LargeArrays.Allocate<Entry>(size);
        _mask = size - 1;
        _shift = 32 - BitOperations.Log2((uint)size);
        foreach (var entry in old)
        {
            if (entry.Key == 0)
            {
                continue;
            }

            var index = Home(entry.Key);
            while (_entries[index].Key != 0)
            {
                index = (index + 1) & _mask;
            }

            _entries[index] = entry;
        }
    }

    // Fibonacci hashing: BSNs handed out in sequence would otherwise cluster in neighbouring buckets.
    private int Home(int key) => (int)(((uint)key * 2654435769u) >> _shift);

    private struct Entry
    {
        public int Key;
        public int Head;
    }
}
