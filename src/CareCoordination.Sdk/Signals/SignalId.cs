using System;
using System.Globalization;

namespace CareCoordination.Sdk.Signals;

/// <summary>
/// Identifies a signal (<em>signaal</em>, <em>melding</em>) in the reference index. The index assigns it,
/// in increasing order of registration.
/// </summary>
/// <remarks>
/// Equal when the numbers are equal; ordered by number, which is the order of registration within one
/// index. <c>default(SignalId)</c> identifies no signal. Immutable and thread-safe.
/// </remarks>
public readonly struct SignalId : IEquatable<SignalId>, IComparable<SignalId>
{
    private readonly long _value;

    /// <summary>Initializes a new identifier, as read back from a store.</summary>
    /// <param name="value">A positive number.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is zero or negative.</exception>
    public SignalId(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        _value = value;
    }

    /// <summary>Gets the number.</summary>
    public long Value => _value;

    /// <summary>Gets a value indicating whether this is <c>default(SignalId)</c>.</summary>
    public bool IsDefault => _value == 0;

    /// <inheritdoc/>
    public bool Equals(SignalId other) => _value == other._value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SignalId other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value.GetHashCode();

    /// <inheritdoc/>
    public int CompareTo(SignalId other) => _value.CompareTo(other._value);

    /// <inheritdoc/>
    public override string ToString() => "signal-" + _value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Compares two identifiers for equality.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(SignalId left, SignalId right) => left.Equals(right);

    /// <summary>Compares two identifiers for inequality.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(SignalId left, SignalId right) => !left.Equals(right);

    /// <summary>Orders two identifiers.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> was registered first.</returns>
    public static bool operator <(SignalId left, SignalId right) => left._value < right._value;

    /// <summary>Orders two identifiers.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> was registered later.</returns>
    public static bool operator >(SignalId left, SignalId right) => left._value > right._value;

    /// <summary>Orders two identifiers.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> was not registered later.</returns>
    public static bool operator <=(SignalId left, SignalId right) => left._value <= right._value;

    /// <summary>Orders two identifiers.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns>Whether <paramref name="left"/> was not registered first.</returns>
    public static bool operator >=(SignalId left, SignalId right) => left._value >= right._value;
}
