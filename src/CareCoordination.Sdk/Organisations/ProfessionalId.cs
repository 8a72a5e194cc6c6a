using System;
using System.Globalization;

namespace CareCoordination.Sdk.Organisations;

/// <summary>
/// Identifies a professional (<em>hulpverlener</em>, <em>beroepskracht</em>) in a region's directory: a positive
/// number the region or the vendor assigns.
/// </summary>
/// <remarks>
/// Equal when the numbers are equal; ordered by number. <c>default(ProfessionalId)</c> identifies no
/// professional and every API refuses it. Immutable and thread-safe.
/// </remarks>
public readonly struct ProfessionalId : IEquatable<ProfessionalId>, IComparable<ProfessionalId>
{
    private readonly int _value;

    /// <summary>Initializes a new identifier.</summary>
    /// <param name="value">A positive number.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is zero or negative.</exception>
    public ProfessionalId(int value) => _value = Internal.Guard.Positive(value);

    /// <summary>Gets the number.</summary>
    public int Value => _value;

    /// <summary>Gets a value indicating whether this is <c>default(ProfessionalId)</c>.</summary>
    public bool IsDefault => _value == 0;

    /// <inheritdoc/>
    public bool Equals(ProfessionalId other) => _value == other._value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ProfessionalId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value;

    /// <inheritdoc/>
    public int CompareTo(ProfessionalId other) => _value.CompareTo(other._value);

    /// <inheritdoc/>
    public override string ToString() => "pro-" + _value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Compares two identifiers for equality.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(ProfessionalId left, ProfessionalId right) => left.Equals(right);

    /// <summary>Compares two identifiers for inequality.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(ProfessionalId left, ProfessionalId right) => !left.Equals(right);

    /// <summary>Orders two identifiers.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> comes first.</returns>
    public static bool operator <(ProfessionalId left, ProfessionalId right) => left._value < right._value;

    /// <summary>Orders two identifiers.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> comes after.</returns>
    public static bool operator >(ProfessionalId left, ProfessionalId right) => left._value > right._value;

    /// <summary>Orders two identifiers.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> does not come after.</returns>
    public static bool operator <=(ProfessionalId left, ProfessionalId right) => left._value <= right._value;

    /// <summary>Orders two identifiers.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> does not come first.</returns>
    public static bool operator >=(ProfessionalId left, ProfessionalId right) => left._value >= right._value;
}
