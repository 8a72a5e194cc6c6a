using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace CareCoordination.Sdk.Families;

/// <summary>
/// A normalised address key (<em>adressleutel</em>) of a residential address in the population register (BRP): postcode,
/// house number (<em>huisnummer</em>) and addition (<em>huisletter</em> and <em>huisnummertoevoeging</em>). Youths
/// registered at the same key match each other (an address match, <em>adresmatch</em>).
/// </summary>
/// <remarks>
/// Normalised so that the same address written differently gives the same key: the postcode upper-case without spaces
/// (<c>1234 ab</c> is <c>1234AB</c>), the addition trimmed and upper-case with its inner spaces and hyphens removed
/// (<c> a-2 </c> is <c>A2</c>). <see cref="Value"/> is the canonical text, <c>1234AB-12</c> or <c>1234AB-12-A2</c>,
/// which <see cref="Parse"/> reads back. An address is personal data: <see cref="ToString"/> shows only the postcode's
/// digits. <c>default(AddressKey)</c> is no address and every API refuses it. Immutable and thread-safe.
/// </remarks>
public readonly struct AddressKey : IEquatable<AddressKey>
{
    /// <summary>The most characters an addition holds after normalisation (a house letter and a four-character addition).</summary>
    public const int MaxAdditionLength = 5;

    private readonly string? _value;

    private AddressKey(string value) => _value = value;

    /// <summary>Gets the canonical text: postcode, house number and, when there is one, the addition, joined by hyphens.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Gets a value indicating whether this is <c>default(AddressKey)</c>.</summary>
    public bool IsDefault => _value is null;

    /// <summary>
    /// Gets a value indicating whether this is the keyed form of an address that a pseudonymised index keeps and stores:
    /// a keyed hash (<c>hmac:</c> and 64 hexadecimal digits), equal for equal addresses, from which the address cannot be read.
    /// </summary>
    public bool IsKeyed => _value is not null && _value.StartsWith(KeyedPrefix, StringComparison.Ordinal);

    private const string KeyedPrefix = "hmac:";

    /// <summary>Creates the key of an address.</summary>
    /// <param name="postcode">The Dutch postcode, four digits (not starting with 0) and two letters, in any case and spacing.</param>
    /// <param name="houseNumber">The house number, from 1 to 99999.</param>
    /// <param name="addition">The house letter and addition, or <see langword="null"/> or blank when there is none.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException">The postcode or the addition is not one the BRP holds.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="houseNumber"/> is outside 1 to 99999.</exception>
    public static AddressKey Create(string postcode, int houseNumber, string? addition = null)
    {
        ArgumentNullException.ThrowIfNull(postcode);
        if (houseNumber is < 1 or > 99999)
        {
            throw new ArgumentOutOfRangeException(nameof(houseNumber), houseNumber, "A house number is from 1 to 99999.");
        }

        var code = Compact(postcode);
        if (code.Length != 6 || code[0] is < '1' or > '9' || !IsDigits(code.AsSpan(1, 3)) || !IsLetters(code.AsSpan(4, 2)))
        {
            throw new ArgumentException("A postcode is four digits, the first not 0, and two letters, such as 1234 AB.", nameof(postcode));
        }

        var extra = Compact(addition ?? string.Empty);
        if (extra.Length > MaxAdditionLength || !IsLettersOrDigits(extra))
        {
            throw new ArgumentException($"An addition holds at most {MaxAdditionLength} letters and digits.", nameof(addition));
        }

        var number = houseNumber.ToString(CultureInfo.InvariantCulture);
        return new AddressKey(extra.Length == 0 ? $"{code}-{number}" : $"{code}-{number}-{extra}");
    }

    /// <summary>Reads an address key from its text: <c>1234AB-12</c>, <c>1234 ab 12 a</c> and the like.</summary>
    /// <param name="text">Postcode, house number and optional addition, separated by spaces or hyphens.</param>
    /// <returns>The key.</returns>
    /// <exception cref="FormatException">The text is not an address key.</exception>
    public static AddressKey Parse(string text) =>
        TryParse(text, out var key) ? key : throw new FormatException("An address key is a postcode, a house number and an optional addition, such as 1234AB-12-A.");

    /// <summary>
    /// Reads an address key back from a store: its plain text, or in a pseudonymised store the keyed form
    /// (<see cref="IsKeyed"/>), which only the SDK's keying produces.
    /// </summary>
    /// <param name="text">The text the store kept, as <see cref="Value"/> gave it.</param>
    /// <returns>The key.</returns>
    /// <exception cref="System.IO.InvalidDataException">The text is neither form, so the store is damaged.</exception>
    public static AddressKey FromStored(string text) =>
        TryParse(text, out var key) || TryParseKeyed(text, out key)
            ? key
            : throw new System.IO.InvalidDataException("A stored address key is neither an address key nor a keyed one; the store is damaged.");

    /// <summary>Tries to read an address key from its text.</summary>
    /// <param name="text">Postcode, house number and optional addition, separated by spaces or hyphens.</param>
    /// <param name="key">The key, when the text is one.</param>
    /// <returns>Whether the text is an address key.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out AddressKey key)
    {
        key = default;
        if (text is null)
        {
            return false;
        }

        var rest = text.Trim();
        // The postcode is the first six letters and digits, wherever a space falls in it.
        var code = new StringBuilder(6);
        var i = 0;
        while (i < rest.Length && code.Length < 6)
        {
            if (char.IsLetterOrDigit(rest[i]))
            {
                code.Append(rest[i]);
            }
            else if (rest[i] != ' ')
            {
                return false;
            }

            i++;
        }

        while (i < rest.Length && rest[i] is ' ' or '-')
        {
            i++;
        }

        var numberStart = i;
        while (i < rest.Length && char.IsAsciiDigit(rest[i]))
        {
            i++;
        }

        if (numberStart == i || i - numberStart > 5
            || !int.TryParse(rest.AsSpan(numberStart, i - numberStart), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        try
        {
            key = Create(code.ToString(), number, rest[i..]);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Wraps the keyed form of an address (<see cref="IsKeyed"/>), as a pseudonymised index keeps it.</summary>
    internal static AddressKey FromKeyed(string keyed) => new(keyed);

    /// <summary>Reads the keyed form of an address as a store holds it: <c>hmac:</c> and 64 lower-case hexadecimal digits.</summary>
    internal static bool TryParseKeyed(string? text, out AddressKey key)
    {
        key = default;
        if (text is null || text.Length != KeyedPrefix.Length + 64 || !text.StartsWith(KeyedPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in text.AsSpan(KeyedPrefix.Length))
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f'))
            {
                return false;
            }
        }

        key = new AddressKey(text);
        return true;
    }

    /// <inheritdoc/>
    public bool Equals(AddressKey other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is AddressKey other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>Shows the postcode's digits only: the full address is personal data.</summary>
    /// <returns>For example <c>address 1234**</c>.</returns>
    public override string ToString() => _value is null ? "no address" : "address " + _value[..4] + "**";

    /// <summary>Compares two keys for equality.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(AddressKey left, AddressKey right) => left.Equals(right);

    /// <summary>Compares two keys for inequality.</summary>
    /// <param name="left">The first key.</param>
    /// <param name="right">The second key.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(AddressKey left, AddressKey right) => !left.Equals(right);

    // Spaces and hyphens carry no meaning in a postcode or an addition; case neither.
    private static string Compact(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is not (' ' or '-' or '\t'))
            {
                result.Append(char.ToUpperInvariant(c));
            }
        }

        return result.ToString();
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLetters(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLettersOrDigits(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
