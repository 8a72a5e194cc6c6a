using System;
using System.Collections.Generic;
using System.Numerics;

namespace CareCoordination.Sdk.Internal;

/// <summary>
/// A map from a positive identifier to a value, each identifier and its value side by side in one flat array: a
/// lookup reads one entry, most often one cache line. A dictionary reads its buckets and then its entries, two misses
/// of their own once a region's index has pushed them out of the cache; the family table looks up a family and the
/// families of each of its parents on every change the population register feeds.
/// </summary>
/// <remarks>
/// Open addressing with linear probing, at most 70 % full; a removal moves the entries behind it back, so no entry is
/// ever a tombstone. Identifier 0 marks an empty entry: no identifier it holds is 0. Not thread-safe.
/// </remarks>
/// <typeparam name="T">The values.</typeparam>
internal sealed class IdTable<T>
{
    private const int MinimumSize = 16;

    private Entry[] _entries = new Entry[MinimumSize];
    private int _shift = 32 - BitOperations.Log2(MinimumSize);
    private int _count;

    /// <summary>Gets how many identifiers the table holds.</summary>
    public int Count => _count;

    /// <summary>Gets every identifier the table holds with its value, in no particular order.</summary>
    public IEnumerable<KeyValuePair<int, T>> Items
    {
        get
        {
            foreach (var entry in _entries)
            {
                if (entry.Id != 0)
                {
                    yield return KeyValuePair.Create(entry.Id, entry.Value!);
                }
            }
        }
    }

    /// <summary>Gets the value of an identifier the table holds.</summary>
    /// <exception cref="KeyNotFoundException">The table does not hold <paramref name="id"/>.</exception>
    public T this[int id]
    {
        get
        {
            ref var entry = ref _entries[IndexOf(id)];
            return entry.Id != 0 ? entry.Value! : throw new KeyNotFoundException($"No entry has the identifier {id}.");
        }
    }

    /// <summary>Gets the value of an identifier, when the table holds it.</summary>
    public bool TryGetValue(int id, out T value)
    {
        ref var entry = ref _entries[IndexOf(id)];
        value = entry.Value!;
        return entry.Id != 0;
    }

    /// <summary>Sets the value of a positive identifier, replacing the one it had.</summary>
    public void Set(int id, T value)
    {
        Guard.Positive(id);
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        if ((_count + 1) * 10 > _entries.Length * 7)
        {
            Resize(_entries.Length * 2);
        }

        ref var entry = ref _entries[IndexOf(id)];
        if (entry.Id == 0)
        {
            entry.Id = id;
            _count++;
        }

        entry.Value = value;
    }

    /// <summary>Forgets an identifier.</summary>
    /// <returns>Whether the table held it.</returns>
    public bool Remove(int id)
    {
        var hole = IndexOf(id);
        if (_entries[hole].Id == 0)
        {
            return false;
        }

        // Every entry of the run after the hole whose home lies at or before the hole moves back into it, so that a
        // lookup never stops early at an emptied entry.
        var mask = _entries.Length - 1;
        for (var next = (hole + 1) & mask; _entries[next].Id != 0; next = (next + 1) & mask)
        {
            if (!LinearProbing.StaysPut(hole, Home(_entries[next].Id), next))
            {
                _entries[hole] = _entries[next];
                hole = next;
            }
        }

        _entries[hole] = default;
        _count--;
        return true;
    }

    /// <summary>Makes room for this many identifiers, so that adding them does not grow the table step by step.</summary>
    public void EnsureCapacity(int count)
    {
        var needed = ((count * 10L) + 6) / 7;
        if (needed > _entries.Length)
        {
            Resize((int)Math.Min(1 << 30, BitOperations.RoundUpToPowerOf2((ulong)needed)));
        }
    }

    private void Resize(int size)
    {
        var old = _entries;
        _entries = new Entry[size];
        _shift = 32 - BitOperations.Log2((uint)size);
        foreach (var entry in old)
        {
            if (entry.Id != 0)
            {
                _entries[IndexOf(entry.Id)] = entry;
            }
        }
    }

    // Where the identifier's entry is, or the empty entry where its probe run ends: the one probe that finding,
    // setting, removing and growing share.
    private int IndexOf(int id)
    {
        var entries = _entries;
        var mask = entries.Length - 1;
        var at = Home(id);
        while (entries[at].Id != id && entries[at].Id != 0)
        {
            at = (at + 1) & mask;
        }

        return at;
    }

    // Fibonacci hashing: identifiers handed out in sequence spread over the table instead of filling one run.
    private int Home(int id) => (int)(((uint)id * 2654435769u) >> _shift);

    private struct Entry
    {
        public int Id;
        public T? Value;
    }
}
