using System;
using System.Globalization;

namespace CareCoordination.Sdk.Coordination;

/// <summary>
/// Identifies a care coordinator (<em>zorgcoördinator</em>) in the coordinator pool: a positive
/// number the municipality or the vendor assigns.
/// </summary>
/// <remarks>
/// Equal when the numbers are equal; ordered by number. <c>default(CoordinatorId)</c> identifies no
/// coordinator and every API refuses it. Immutable and thread-safe.
/// </remarks>
public readonly struct CoordinatorId : IEquatable<CoordinatorId>, IComparable<CoordinatorId>
{
    private readonly int _value;

    /// <summary>Initializes a new identifier.</summary>
    /// <param name="value">A positive number.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is zero or negative.</exception>
    public CoordinatorId(int value) => _value = Internal.Guard.Positive(value);

    /// <summary>Gets the number.</summary>
    public int Value => _value;

    /// <summary>Gets a value indicating whether this is <c>default(CoordinatorId)</c>.</summary>
    public bool IsDefault => _value == 0;

    /// <inheritdoc/>
    public bool Equals(CoordinatorId other) => _value == other._value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CoordinatorId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value;

    /// <inheritdoc/>
    public int CompareTo(CoordinatorId other) => _value.CompareTo(other._value);

    /// <inheritdoc/>
    public override string ToString() => "coordinator-" + _value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Compares two identifiers for equality.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(CoordinatorId left, CoordinatorId right) => left.Equals(right);

    /// <summary>Compares two identifiers for inequality.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(CoordinatorId left, CoordinatorId right) => !left.Equals(right);

    /// <summary>Orders two identifiers.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> comes first.</returns>
    public static bool operator <(CoordinatorId left, CoordinatorId right) => left._value < right._value;

    /// <summary>Orders two identifiers.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> comes after.</returns>
    public static bool operator >(CoordinatorId left, CoordinatorId right) => left._value > right._value;

    /// <summary>Orders two identifiers.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> does not come after.</returns>
    public static bool operator <=(CoordinatorId left, CoordinatorId right) => left._value <= right._value;

    /// <summary>Orders two identifiers.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> does not come first.</returns>
    public static bool operator >=(CoordinatorId left, CoordinatorId right) => left._value >= right._value;
}
