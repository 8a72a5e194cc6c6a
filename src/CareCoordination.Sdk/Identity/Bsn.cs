using System;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Runtime.InteropServices;
using CareCoordination.Sdk.Compliance;

namespace CareCoordination.Sdk.Identity;

/// <summary>
/// A citizen service number (<em>burgerservicenummer</em>, BSN): nine digits that pass the eleven test
/// (<em>elfproef</em>). It is the reference index's matching key.
/// </summary>
/// <remarks>
/// <para>Stored as one 32-bit integer. Two values are equal when their digits are equal; the order is the
/// numeric order of the digits and carries no meaning beyond giving sorted output a stable order.</para>
/// <para><c>default(Bsn)</c> is not a valid number (all zeros fail the eleven test): every API of the SDK
/// refuses it, and <see cref="IsDefault"/> tells it apart.</para>
/// <para>Privacy by construction: <see cref="ToString()"/> masks all but the last four digits, and so do
/// the messages of <see cref="InvalidBsnException"/>. The full number is only available through the
/// explicitly named <see cref="RevealDigits"/> and <see cref="RevealNumber"/>.</para>
/// <para>This type is an immutable value and thread-safe.</para>
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
[PersonData(PersonDataClassification.DirectIdentifier)]
public readonly struct Bsn : IEquatable<Bsn>, IComparable<Bsn>, IComparable
{
    private const int MaxValue = 999_999_999;
    private readonly int _value;

    // Parsing validates; the internal paths also carry a pseudonymised index's keys, which pass no elfproef.
    private Bsn(int value) => _value = value;

    /// <summary>Gets a value indicating whether this is <c>default(Bsn)</c>, which is not a valid number.</summary>
    public bool IsDefault => _value == 0;

    /// <summary>
    /// Gets a value indicating whether this value carries a youth's substitute number (<em>verwijsindexservicenummer</em>)
    /// instead of a BSN, as <see cref="Youth.WithoutBsn"/> makes it; such a value never passes the eleven test.
    /// </summary>
    public bool IsSubstituteNumber => SubstituteNumber.IsSubstituteNumber(_value);

    /// <summary>Parses nine digits, or eight digits of a historic number that are left-padded with 0.</summary>
    /// <param name="text">The digits, without separators; surrounding white space is ignored.</param>
    /// <returns>The validated number.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidBsnException">The text is not eight or nine digits, or fails the eleven test.</exception>
    public static Bsn Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text.AsSpan());
    }

    /// <inheritdoc cref="Parse(string)"/>
    public static Bsn Parse(ReadOnlySpan<char> text)
    {
        var problem = TryParseCore(text, out var bsn, out var maskedTail);
        return problem == InvalidBsnReason.None ? bsn : throw new InvalidBsnException(problem, maskedTail);
    }

    /// <summary>Tries to parse a number as <see cref="Parse(string)"/> does; never throws.</summary>
    /// <param name="text">The digits.</param>
    /// <param name="bsn">The number when the result is <see langword="true"/>; otherwise <c>default</c>.</param>
    /// <returns>Whether the text is a valid number.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Bsn bsn)
    {
        if (text is null)
        {
            bsn = default;
            return false;
        }

        return TryParse(text.AsSpan(), out bsn);
    }

    /// <inheritdoc cref="TryParse(string?, out Bsn)"/>
    public static bool TryParse(ReadOnlySpan<char> text, out Bsn bsn) =>
        TryParseCore(text, out bsn, out _) == InvalidBsnReason.None;

    /// <summary>Creates a number from its integer form, as stored by the SDK's own stores.</summary>
    /// <param name="number">The number, from 1 to 999 999 999.</param>
    /// <returns>The validated number.</returns>
    /// <exception cref="InvalidBsnException">The number is out of range or fails the eleven test.</exception>
    public static Bsn FromNumber(int number)
    {
        if (number is <= 0 or > MaxValue)
        {
            throw new InvalidBsnException(InvalidBsnReason.WrongLength, null);
        }

        return PassesElevenTest(number)
            ? new Bsn(number)
            : throw new InvalidBsnException(InvalidBsnReason.FailsElevenTest, number % 10_000);
    }

    /// <summary>Tells whether a nine-digit number passes the eleven test (<em>elfproef</em>).</summary>
    /// <param name="number">The number, from 0 to 999 999 999.</param>
    /// <returns><see langword="true"/> when 9·d1 + 8·d2 + … + 2·d8 − d9 is a non-zero multiple of 11.</returns>
    public static bool PassesElevenTest(int number)
    {
        if (number is <= 0 or > MaxValue)
        {
            return false;
        }

        var sum = -(number % 10);
        var rest = number / 10;
        for (var weight = 2; weight <= 9; weight++)
        {
            sum += weight * (rest % 10);
            rest /= 10;
        }

        return sum != 0 && sum % 11 == 0;
    }

    /// <summary>Reveals the full nine digits. Every call is a deliberate disclosure: use it only where the law allows the BSN to be used.</summary>
    /// <returns>The nine digits, left-padded with 0.</returns>
    public string RevealDigits() => _value.ToString("D9", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reveals the number as an integer, the compact form stores use.</summary>
    /// <returns>The number.</returns>
    public int RevealNumber() => _value;

    /// <summary>Returns the masked form, such as <c>*****6789</c>; never the full number.</summary>
    /// <returns>Five asterisks and the last four digits, or <c>(none)</c> for <c>default(Bsn)</c>.</returns>
    public override string ToString() => IsDefault ? "(none)" : Mask(_value % 10_000);

    /// <inheritdoc/>
    public bool Equals(Bsn other) => _value == other._value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Bsn other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value;

    /// <inheritdoc/>
    public int CompareTo(Bsn other) => _value.CompareTo(other._value);

    /// <inheritdoc/>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Bsn other => CompareTo(other),
        _ => throw new ArgumentException("The object is not a Bsn.", nameof(obj)),
    };

    /// <summary>Compares two numbers for equality.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(Bsn left, Bsn right) => left.Equals(right);

    /// <summary>Compares two numbers for inequality.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Bsn left, Bsn right) => !left.Equals(right);

    /// <summary>Orders two numbers.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns>Whether <paramref name="left"/> comes first.</returns>
    public static bool operator <(Bsn left, Bsn right) => left._value < right._value;

    /// <summary>Orders two numbers.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns>Whether <paramref name="left"/> comes after.</returns>
    public static bool operator >(Bsn left, Bsn right) => left._value > right._value;

    /// <summary>Orders two numbers.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns>Whether <paramref name="left"/> does not come after.</returns>
    public static bool operator <=(Bsn left, Bsn right) => left._value <= right._value;

    /// <summary>Orders two numbers.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns>Whether <paramref name="left"/> does not come first.</returns>
    public static bool operator >=(Bsn left, Bsn right) => left._value >= right._value;

    /// <summary>Creates a number already known to be valid; the SDK's own trusted paths use it.</summary>
    internal static Bsn FromTrustedNumber(int number) => new(number);

    /// <summary>Many numbers the index already holds as valid keys, each as <see cref="FromTrustedNumber"/> makes it.</summary>
    internal static Bsn[] FromTrustedNumbers(ReadOnlySpan<int> numbers)
    {
        if (numbers.IsEmpty)
        {
            return [];
        }

        var people = new Bsn[numbers.Length];
        for (var i = 0; i < numbers.Length; i++)
        {
            people[i] = new(numbers[i]);
        }

        return people;
    }

    /// <summary>The numbers of many people, read in place: a BSN is its number and nothing else.</summary>
    internal static ReadOnlySpan<int> NumbersOf(ReadOnlySpan<Bsn> people) => MemoryMarshal.Cast<Bsn, int>(people);

    /// <summary>Reads a youth's key back from a store: a BSN, or its keyed pseudonym when the index is pseudonymised, which passes no elfproef.</summary>
    internal static Bsn FromStoredKey(int key) =>
        key is >= 1 and <= 999_999_999 ? new(key) : throw new InvalidDataException("A stored youth key is outside 1 to 999,999,999; the store is damaged.");

    internal static string Mask(int lastFourDigits) =>
        "*****" + lastFourDigits.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    private static InvalidBsnReason TryParseCore(ReadOnlySpan<char> text, out Bsn bsn, out int? maskedTail)
    {
        bsn = default;
        maskedTail = null;
        text = text.Trim();
        if (text.Length is not (8 or 9))
        {
            return InvalidBsnReason.WrongLength;
        }

        var number = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return InvalidBsnReason.NotDigits;
            }

            number = (number * 10) + (c - '0');
        }

        if (!PassesElevenTest(number))
        {
            maskedTail = number % 10_000;
            return InvalidBsnReason.FailsElevenTest;
        }

        bsn = new Bsn(number);
        return InvalidBsnReason.None;
    }
}
