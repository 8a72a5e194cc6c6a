using System.Collections.Generic;

namespace CareCoordination.Sdk.Internal;

/// <summary>
/// Maps a youth's key to one value: the first slot of its active or of its archive chain, or its kept age-limit day.
/// A column of the index's <see cref="YouthRows"/>, which keeps a youth's values side by side so that reading them
/// all costs one cache miss. Not thread-safe: the index guards it.
/// </summary>
internal sealed class YouthTable(YouthRows rows, int column)
{
    private readonly YouthRows _rows = rows;
    private readonly int _column = column;

    /// <summary>Gets the number of youths with a value in this column.</summary>
    public int Count => _rows.CountOf(_column);

    /// <summary>Gets the first slot of every youth's chain, in table order, for the rare passes over every youth.</summary>
    public IEnumerable<int> Heads => _rows.ValuesOf(_column);

    /// <summary>Returns the first slot of the youth's chain, or -1.</summary>
    public int HeadOf(int key) => _rows.ValueOf(key, _column);

    /// <summary>Starts loading the youth's row (<see cref="YouthRows.Prefetch"/>); safe outside the index lock.</summary>
    public void Prefetch(int key) => _rows.Prefetch(key);

    /// <summary>Sets the first slot of the youth's chain; -1 removes the youth from this column.</summary>
    public void SetHead(int key, int head) => _rows.Set(key, _column, head);
}
