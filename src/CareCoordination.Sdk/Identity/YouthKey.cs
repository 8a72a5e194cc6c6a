using System;
using System.Diagnostics;
using System.IO;
using CareCoordination.Sdk.Compliance;

namespace CareCoordination.Sdk.Identity;

/// <summary>
/// The key under which the SDK keeps a person — a youth or a carer — in memory and in a store: the BSN's number when
/// persons are keyed by BSN, or its keyed pseudonym (<em>pseudoniem</em>) when they are pseudonymised. Which one it is,
/// only the <c>Storage.YouthKeying</c> that made it knows; a store keeps it as the plain number it is and hands it back
/// with <see cref="FromStored"/>.
/// </summary>
/// <remarks>
/// <para>An immutable value, thread-safe. Two keys are equal when their numbers are equal; the order is the numeric
/// order and means nothing beyond a stable sort.</para>
/// <para><c>default(YouthKey)</c> stands for no person: <see cref="IsDefault"/> tells it apart, and the SDK refuses it
/// wherever a person is required.</para>
/// <para>A key may be a BSN, so <see cref="ToString()"/> masks it as a BSN is masked.</para>
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
[PersonData(PersonDataClassification.DirectIdentifier)]
public readonly struct YouthKey : IEquatable<YouthKey>, IComparable<YouthKey>
{
    private const int MaxValue = 999_999_999;

    private YouthKey(int value) => Value = value;

    /// <summary>Gets the key as the number a store keeps: 1 to 999,999,999.</summary>
    public int Value { get; }

    /// <summary>Gets a value indicating whether this is <c>default(YouthKey)</c>, which names no person.</summary>
    public bool IsDefault => Value == 0;

    /// <summary>Reads a key back from a store.</summary>
    /// <param name="value">The number the store kept.</param>
    /// <returns>The key.</returns>
    /// <exception cref="InvalidDataException">The number is outside 1 to 999,999,999, so the store is damaged.</exception>
    public static YouthKey FromStored(int value) =>
        value is >= 1 and <= MaxValue ? new(value) : throw new InvalidDataException("A stored youth key is outside 1 to 999,999,999; the store is damaged.");

    /// <inheritdoc/>
    public override string ToString() => IsDefault ? "(none)" : Bsn.Mask(Value % 10_000);

    /// <inheritdoc/>
    public bool Equals(YouthKey other) => Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is YouthKey other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value;

    /// <inheritdoc/>
    public int CompareTo(YouthKey other) => Value.CompareTo(other.Value);

    /// <summary>Compares two keys for equality.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(YouthKey left, YouthKey right) => left.Equals(right);

    /// <summary>Compares two keys for inequality.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(YouthKey left, YouthKey right) => !left.Equals(right);

    /// <summary>Compares two keys by number.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns>Whether the first is smaller.</returns>
    public static bool operator <(YouthKey left, YouthKey right) => left.Value < right.Value;

    /// <summary>Compares two keys by number.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns>Whether the first is larger.</returns>
    public static bool operator >(YouthKey left, YouthKey right) => left.Value > right.Value;

    /// <summary>Compares two keys by number.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns>Whether the first is smaller or equal.</returns>
    public static bool operator <=(YouthKey left, YouthKey right) => left.Value <= right.Value;

    /// <summary>Compares two keys by number.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns>Whether the first is larger or equal.</returns>
    public static bool operator >=(YouthKey left, YouthKey right) => left.Value >= right.Value;

    /// <summary>Wraps a number the SDK computed itself.</summary>
    internal static YouthKey FromTrusted(int value)
    {
        Debug.Assert(value is >= 1 and <= MaxValue, "a youth key is 1 to 999,999,999");
        return new(value);
    }
}
