using System;
using System.Globalization;

namespace CareCoordination.Sdk.Organisations;

/// <summary>
/// Identifies an organisation (<em>instelling</em>, <em>instantie</em>) in a region's directory: a positive
/// number the region assigns (for example the last digits of its OIN or AGB code).
/// </summary>
/// <remarks>
/// Equal when the numbers are equal; ordered by number. <c>default(OrganisationId)</c> identifies no
/// organisation and every API refuses it. Immutable and thread-safe.
/// </remarks>
public readonly struct OrganisationId : IEquatable<OrganisationId>, IComparable<OrganisationId>
{
    private readonly int _value;

    /// <summary>Initializes a new identifier.</summary>
    /// <param name="value">A positive number.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is zero or negative.</exception>
    public OrganisationId(int value) => _value = Internal.Guard.Positive(value);

    /// <summary>Gets the number.</summary>
    public int Value => _value;

    /// <summary>Gets a value indicating whether this is <c>default(OrganisationId)</c>.</summary>
    public bool IsDefault => _value == 0;

    /// <inheritdoc/>
    public bool Equals(OrganisationId other) => _value == other._value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is OrganisationId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value;

    /// <inheritdoc/>
    public int CompareTo(OrganisationId other) => _value.CompareTo(other._value);

    /// <inheritdoc/>
    public override string ToString() => "org-" + _value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Compares two identifiers for equality.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(OrganisationId left, OrganisationId right) => left.Equals(right);

    /// <summary>Compares two identifiers for inequality.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(OrganisationId left, OrganisationId right) => !left.Equals(right);

    /// <summary>Orders two identifiers.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> comes first.</returns>
    public static bool operator <(OrganisationId left, OrganisationId right) => left._value < right._value;

    /// <summary>Orders two identifiers.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> comes after.</returns>
    public static bool operator >(OrganisationId left, OrganisationId right) => left._value > right._value;

    /// <summary>Orders two identifiers.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> does not come after.</returns>
    public static bool operator <=(OrganisationId left, OrganisationId right) => left._value <= right._value;

    /// <summary>Orders two identifiers.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> does not come first.</returns>
    public static bool operator >=(OrganisationId left, OrganisationId right) => left._value >= right._value;
}
