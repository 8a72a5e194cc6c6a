using System;
using System.Buffers;

namespace CareCoordination.Sdk.Privacy;

/// <summary>
/// A keyed pseudonym of a person's BSN (<em>pseudoniem</em>): the first 128 bits of HMAC-SHA256 under the host's key,
/// as 32 lowercase hex digits. The same BSN under the same key always gives the same pseudonym; without the key it
/// reveals nothing.
/// </summary>
/// <remarks>Equal when the text is equal. <c>default(PersonPseudonym)</c> is no pseudonym. Immutable and thread-safe.</remarks>
public readonly struct PersonPseudonym : IEquatable<PersonPseudonym>
{
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdef");

    private readonly string? _value;

    internal PersonPseudonym(string value) => _value = value;

    /// <summary>Gets the pseudonym as 32 hex digits; empty for <c>default</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Gets a value indicating whether this is <c>default(PersonPseudonym)</c>.</summary>
    public bool IsDefault => _value is null;

    /// <summary>Reads a pseudonym written earlier, for example from a stored audit record.</summary>
    /// <param name="value">32 lowercase hex digits.</param>
    /// <returns>The pseudonym.</returns>
    /// <exception cref="FormatException">The text is not 32 lowercase hex digits.</exception>
    public static PersonPseudonym Parse(string value) =>
        value is { Length: 32 } && value.AsSpan().IndexOfAnyExcept(HexDigits) < 0
            ? new PersonPseudonym(value)
            : throw new FormatException("A pseudonym is 32 lowercase hex digits.");

    /// <inheritdoc/>
    public bool Equals(PersonPseudonym other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PersonPseudonym other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <inheritdoc/>
    public override string ToString() => Value;

    /// <summary>Compares two pseudonyms for equality.</summary>
    /// <param name="left">The first pseudonym.</param>
    /// <param name="right">The second pseudonym.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(PersonPseudonym left, PersonPseudonym right) => left.Equals(right);

    /// <summary>Compares two pseudonyms for inequality.</summary>
    /// <param name="left">The first pseudonym.</param>
    /// <param name="right">The second pseudonym.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(PersonPseudonym left, PersonPseudonym right) => !left.Equals(right);
}
