using System;
using CareCoordination.Sdk.Families;

namespace CareCoordination.Sdk.Matching;

/// <summary>
/// The families a youth, a parent or an address is linked to in the <see cref="FamilyTable"/>: one family held in the
/// value itself, more in an array. Nearly every youth, parent and address belongs to one family, so a family the
/// population register feeds links its members without allocating; a second household is the exception that pays.
/// </summary>
/// <remarks>Immutable; a link always names at least one family (the table removes an entry whose last family leaves).</remarks>
internal readonly struct FamilyLinks
{
    // Every family when there are two or more; null when there is one, _one.
    private readonly FamilyId[]? _all;
    private readonly FamilyId _one;

    private FamilyLinks(FamilyId one, FamilyId[]? all)
    {
        _one = one;
        _all = all;
    }

    /// <summary>Gets the number of families.</summary>
    public int Count => _all?.Length ?? 1;

    /// <summary>Gets the family at a position, from 0 to <see cref="Count"/> - 1.</summary>
    public FamilyId this[int index] => _all is null ? _one : _all[index];

    /// <summary>The link to one family.</summary>
    public static FamilyLinks Of(FamilyId family) => new(family, null);

    /// <summary>The position of a family, or -1 when it is not linked.</summary>
    public int IndexOf(FamilyId family) => _all is null ? (_one == family ? 0 : -1) : Array.IndexOf(_all, family);

    /// <summary>These families and one more.</summary>
    public FamilyLinks With(FamilyId family) => new(default, _all is null ? [_one, family] : [.. _all, family]);

    /// <summary>These families without the one at <paramref name="index"/>, or <see langword="null"/> when none is left.</summary>
    public FamilyLinks? Without(int index)
    {
        if (_all is null)
        {
            return null;
        }

        if (_all.Length == 2)
        {
            return Of(_all[1 - index]);
        }

        var remaining = new FamilyId[_all.Length - 1];
        _all.AsSpan(0, index).CopyTo(remaining);
        _all.AsSpan(index + 1).CopyTo(remaining.AsSpan(index));
        return new FamilyLinks(default, remaining);
    }

    /// <summary>Copies the families into a new array, which the caller may keep while the table changes.</summary>
    public FamilyId[] ToArray() => _all is null ? [_one] : (FamilyId[])_all.Clone();
}
