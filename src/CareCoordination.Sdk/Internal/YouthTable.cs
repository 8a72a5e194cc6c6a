using System;
using System.Numerics;

namespace CareCoordination.Sdk.Internal;

/// <summary>
/// Maps a youth's BSN (as a number) to the first slot of its chain of signals: open addressing with linear probing
/// over two int arrays, 8 bytes a youth, no per-entry objects. BSN 0 never passes the eleven test, so 0 marks an
/// empty bucket. Deletion shifts entries back instead of leaving tombstones, so lookups stay short however long the
/// index runs. Not thread-safe: the index guards it.
/// </summary>
internal sealed class YouthTable
{
    private const int MinimumCapacity = 16;

    private int[] _keys;
    private int[] _heads;
    private int _mask;
    private int _shift;
    private int _count;

    public YouthTable(int capacity = MinimumCapacity)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(MinimumCapacity, capacity));
        _keys = new int[size];
        _heads = new int[size];
        _mask = size - 1;
        _shift = 32 - BitOperations.Log2((uint)size);
    }

    public int Count => _count;

    public long AllocatedBytes => (long)_keys.Length * sizeof(int) * 2;

    /// <summary>Returns the first slot of the youth's chain, or -1.</summary>
    public int HeadOf(int key)
    {
        var keys = _keys;
        var index = Home(key);
        while (true)
        {
            var candidate = keys[index];
            if (candidate == key)
            {
                return _heads[index];
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

        if ((_count + 1) * 10 > _keys.Length * 7)
        {
            Grow();
        }

        var index = Home(key);
        while (true)
        {
            var candidate = _keys[index];
            if (candidate == key)
            {
                _heads[index] = head;
                return;
            }

            if (candidate == 0)
            {
                _keys[index] = key;
                _heads[index] = head;
                _count++;
                return;
            }

            index = (index + 1) & _mask;
        }
    }

    public void EnsureCapacity(int youths)
    {
        while (youths * 10 > _keys.Length * 7)
        {
            Grow();
        }
    }

    private void Remove(int key)
    {
        var index = Home(key);
        while (true)
        {
            var candidate = _keys[index];
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
            var moving = _keys[next];
            if (moving == 0)
            {
                break;
            }

            var home = Home(moving);
            var staysPut = hole <= next ? hole < home && home <= next : hole < home || home <= next;
            if (!staysPut)
            {
                _keys[hole] = moving;
                _heads[hole] = _heads[next];
                hole = next;
            }
        }

        _keys[hole] = 0;
        _heads[hole] = 0;
        _count--;
    }

    private void Grow()
    {
        var oldKeys = _keys;
        var oldHeads = _heads;
        var size = oldKeys.Length * 2;
        _keys = new int[size];
        _heads = new int[size];
        _mask = size - 1;
        _shift = 32 - BitOperations.Log2((uint)size);
        for (var i = 0; i < oldKeys.Length; i++)
        {
            var key = oldKeys[i];
            if (key == 0)
            {
                continue;
            }

            var index = Home(key);
            while (_keys[index] != 0)
            {
                index = (index + 1) & _mask;
            }

            _keys[index] = key;
            _heads[index] = oldHeads[i];
        }
    }

    // Fibonacci hashing: BSNs handed out in sequence would otherwise cluster in neighbouring buckets.
    private int Home(int key) => (int)(((uint)key * 2654435769u) >> _shift);
}
