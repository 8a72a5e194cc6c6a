using System;
using System.Globalization;

namespace CareCoordination.Sdk.Coordination;

/// <summary>
/// Identifies a coordination case (<em>casus</em>): a positive
/// number the coordination desk assigns in the order cases are opened.
/// </summary>
/// <remarks>
/// Equal when the numbers are equal; ordered by number. <c>default(CaseId)</c> identifies no
/// case and every API refuses it. Immutable and thread-safe.
/// </remarks>
public readonly struct CaseId : IEquatable<CaseId>, IComparable<CaseId>
{
    private readonly int _value;

    /// <summary>Initializes a new identifier.</summary>
    /// <param name="value">A positive number.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is zero or negative.</exception>
    public CaseId(int value) => _value = Internal.Guard.Positive(value);

    /// <summary>Gets the number.</summary>
    public int Value => _value;

    /// <summary>Gets a value indicating whether this is <c>default(CaseId)</c>.</summary>
    public bool IsDefault => _value == 0;

    /// <inheritdoc/>
    public bool Equals(CaseId other) => _value == other._value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CaseId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value;

    /// <inheritdoc/>
    public int CompareTo(CaseId other) => _value.CompareTo(other._value);

    /// <inheritdoc/>
    public override string ToString() => "case-" + _value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Compares two identifiers for equality.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(CaseId left, CaseId right) => left.Equals(right);

    /// <summary>Compares two identifiers for inequality.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(CaseId left, CaseId right) => !left.Equals(right);

    /// <summary>Orders two identifiers.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> comes first.</returns>
    public static bool operator <(CaseId left, CaseId right) => left._value < right._value;

    /// <summary>Orders two identifiers.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> comes after.</returns>
    public static bool operator >(CaseId left, CaseId right) => left._value > right._value;

    /// <summary>Orders two identifiers.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> does not come after.</returns>
    public static bool operator <=(CaseId left, CaseId right) => left._value <= right._value;

    /// <summary>Orders two identifiers.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> does not come first.</returns>
    public static bool operator >=(CaseId left, CaseId right) => left._value >= right._value;
}
