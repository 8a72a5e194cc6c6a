using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CareCoordination.Sdk.Families;

/// <summary>
/// A municipality's code (<em>gemeentecode</em>) as the population register (BRP) gives it with an address: a number from
/// 1 to 9999, written with four digits (<c>0363</c> is Amsterdam). A youth who moves to an address of another
/// municipality is announced to that municipality's match coordinator (domain rule 5).
/// </summary>
/// <remarks>
/// Equal when the numbers are equal. <c>default(MunicipalityCode)</c> is no municipality and every API refuses it.
/// Immutable and thread-safe.
/// </remarks>
public readonly struct MunicipalityCode : IEquatable<MunicipalityCode>
{
    private readonly short _value;

    private MunicipalityCode(short value) => _value = value;

    /// <summary>Gets the number, from 1 to 9999.</summary>
    public int Value => _value;

    /// <summary>Gets the code as the BRP writes it: four digits, such as <c>0363</c>.</summary>
    public string Code => _value.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>Gets a value indicating whether this is <c>default(MunicipalityCode)</c>.</summary>
    public bool IsDefault => _value == 0;

    /// <summary>Creates the code of a municipality from its number.</summary>
    /// <param name="number">The number, from 1 to 9999.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is outside 1 to 9999.</exception>
    public static MunicipalityCode FromNumber(int number) =>
        number is >= 1 and <= 9999
            ? new MunicipalityCode((short)number)
            : throw new ArgumentOutOfRangeException(nameof(number), number, "A municipality code (gemeentecode) is a number from 1 to 9999.");

    /// <summary>Reads a municipality code from its four digits, such as <c>0363</c>.</summary>
    /// <param name="text">One to four digits.</param>
    /// <returns>The code.</returns>
    /// <exception cref="FormatException">The text is not a municipality code.</exception>
    public static MunicipalityCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException("A municipality code (gemeentecode) is four digits, such as 0363.");

    /// <summary>Tries to read a municipality code from its digits.</summary>
    /// <param name="text">One to four digits.</param>
    /// <param name="code">The code, when the text is one.</param>
    /// <returns>Whether the text is a municipality code.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out MunicipalityCode code)
    {
        code = default;
        if (text is null || text.Length is < 1 or > 4
            || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number == 0)
        {
            return false;
        }

        code = new MunicipalityCode((short)number);
        return true;
    }

    /// <inheritdoc/>
    public bool Equals(MunicipalityCode other) => _value == other._value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is MunicipalityCode other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value;

    /// <summary>Shows the code; a municipality is no personal data on its own.</summary>
    /// <returns>For example <c>municipality 0363</c>.</returns>
    public override string ToString() => IsDefault ? "no municipality" : "municipality " + Code;

    /// <summary>Compares two codes for equality.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(MunicipalityCode left, MunicipalityCode right) => left.Equals(right);

    /// <summary>Compares two codes for inequality.</summary>
    /// <param name="left">The first code.</param>
    /// <param name="right">The second code.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(MunicipalityCode left, MunicipalityCode right) => !left.Equals(right);
}
