using System;
using System.Collections.Generic;
using System.Numerics;

namespace CareCoordination.Sdk.Internal;

/// <summary>
/// An immutable map from a positive identifier to a small value kept beside it, one entry per identifier in one flat
/// array: a lookup reads one entry, most often one cache line. A dictionary of objects reads its buckets, then its
/// entries, then the object, each a miss of its own once the index has pushed the directory out of the cache; every
/// registration asks the directory about its organisation and its reporter, and about the organisation of each match.
/// </summary>
/// <remarks>Open addressing with linear probing, at most half full. Identifier 0 marks an empty entry: no identifier it holds is 0.</remarks>
/// <typeparam name="T">The value: a few fields, no references.</typeparam>
internal sealed class FrozenIdTable<T>
    where T : unmanaged
{
    private readonly Entry[] _entries;
    private readonly int _shift;

    /// <summary>Builds the table from identifiers that are each positive and given once.</summary>
    /// <param name="items">The identifiers and their values.</param>
    /// <param name="count">How many there are.</param>
    public FrozenIdTable(IEnumerable<KeyValuePair<int, T>> items, int count)
    {
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, count * 2));
        _shift = 32 - BitOperations.Log2((uint)size);
        _entries = new Entry[size];
        var mask = size - 1;
        foreach (var (id, value) in items)
        {
            var at = Home(id);
            while (_entries[at].Id != 0)
            {
                at = (at + 1) & mask;
            }

            _entries[at] = new Entry(id, value);
        }
    }

    /// <summary>Looks up an identifier.</summary>
    /// <returns>Whether the table holds it; 0 and negative identifiers it never holds.</returns>
    public bool TryGetValue(int id, out T value)
    {
        var entries = _entries;
        var mask = entries.Length - 1;
        for (var at = Home(id); ; at = (at + 1) & mask)
        {
            ref readonly var entry = ref entries[at];
            if (entry.Id == 0)
            {
                value = default;
                return false;
            }

            if (entry.Id == id)
            {
                value = entry.Value;
                return true;
            }
        }
    }

    // Fibonacci hashing: identifiers handed out in sequence spread over the table instead of filling one run.
    private int Home(int id) => (int)(((uint)id * 2654435769u) >> _shift);

    private readonly record struct Entry(int Id, T Value);
}
