using System;
using System.Globalization;

namespace CareCoordination.Sdk.Families;

/// <summary>
/// Identifies a family (<em>gezin</em>, <em>huishouden</em>) known to the reference index: a positive
/// number the host assigns, for example from its copy of the population register (BRP).
/// </summary>
/// <remarks>
/// Equal when the numbers are equal; ordered by number. <c>default(FamilyId)</c> identifies no
/// family and every API refuses it. Immutable and thread-safe.
/// </remarks>
public readonly struct FamilyId : IEquatable<FamilyId>, IComparable<FamilyId>
{
    private readonly int _value;

    /// <summary>Initializes a new identifier.</summary>
    /// <param name="value">A positive number.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is zero or negative.</exception>
    public FamilyId(int value) => _value = Internal.Guard.Positive(value);

    /// <summary>Gets the number.</summary>
    public int Value => _value;

    /// <summary>Gets a value indicating whether this is <c>default(FamilyId)</c>.</summary>
    public bool IsDefault => _value == 0;

    /// <inheritdoc/>
    public bool Equals(FamilyId other) => _value == other._value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is FamilyId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value;

    /// <inheritdoc/>
    public int CompareTo(FamilyId other) => _value.CompareTo(other._value);

    /// <inheritdoc/>
    public override string ToString() => "family-" + _value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Compares two identifiers for equality.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(FamilyId left, FamilyId right) => left.Equals(right);

    /// <summary>Compares two identifiers for inequality.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(FamilyId left, FamilyId right) => !left.Equals(right);

    /// <summary>Orders two identifiers.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> comes first.</returns>
    public static bool operator <(FamilyId left, FamilyId right) => left._value < right._value;

    /// <summary>Orders two identifiers.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> comes after.</returns>
    public static bool operator >(FamilyId left, FamilyId right) => left._value > right._value;

    /// <summary>Orders two identifiers.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> does not come after.</returns>
    public static bool operator <=(FamilyId left, FamilyId right) => left._value <= right._value;

    /// <summary>Orders two identifiers.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> does not come first.</returns>
    public static bool operator >=(FamilyId left, FamilyId right) => left._value >= right._value;
}
