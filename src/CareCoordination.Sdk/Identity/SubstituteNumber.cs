using System;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CareCoordination.Sdk.Compliance;
using NodaTime;

namespace CareCoordination.Sdk.Identity;

/// <summary>
/// The substitute number (<em>verwijsindexservicenummer</em>) of a youth who has no BSN yet, derived from the family
/// name, the date of birth and the sex as the law prescribes. The index keys, matches, ages and erases a youth by it
/// exactly as by a BSN, until <c>PersonDataAccess.AssignBsn</c> moves the youth's signals to the BSN.
/// </summary>
/// <remarks>
/// <para><b>Never a BSN.</b> A substitute number has nine digits, but its check digit is chosen so that the eleven-test
/// sum (9·d1 + 8·d2 + … + 2·d8 − d9) leaves remainder <see cref="Remainder"/> when divided by 11. A BSN leaves
/// remainder 0, so no substitute number passes the <em>elfproef</em>: <see cref="Bsn.Parse(string)"/> refuses every one,
/// and a BSN service that receives one by mistake refuses it too.</para>
/// <para><b>Deterministic.</b> Candidate <em>n</em> (0, 1, 2, …) takes eight digits from SHA-256 over the normalised
/// family name (letters only, without diacritics, upper case: "van der Berg" and "Van der  Berg" agree), the date of
/// birth as <c>uuuu-MM-dd</c>, the sex and <em>n</em>, then appends the check digit. A candidate whose check digit
/// would be 10 is skipped. <see cref="Derive"/> returns the first candidate; the same details give the same number
/// on every machine and in every run.</para>
/// <para><b>Collisions.</b> Two different youths can derive the same number: eight digits are not enough to tell every
/// name apart. <see cref="Facility.SubstituteNumberRegister"/> resolves that: it gives each distinct set of details the first
/// candidate no other details hold yet. Youths whose details are identical (twins of one sex) share one number, as
/// the law's derivation implies; a reporter who knows they are two youths registers each with its BSN.</para>
/// <para>Immutable and thread-safe. <see cref="ToString"/> masks the number as a BSN is masked. <c>default</c> is no
/// number and every API refuses it.</para>
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
[PersonData(PersonDataClassification.DirectIdentifier)]
public readonly struct SubstituteNumber : IEquatable<SubstituteNumber>
{
    /// <summary>The remainder of the eleven-test sum that marks a substitute number; a BSN's is 0.</summary>
    public const int Remainder = 5;

    private readonly int _value;

    private SubstituteNumber(int value) => _value = value;

    /// <summary>Gets a value indicating whether this is <c>default(SubstituteNumber)</c>.</summary>
    public bool IsDefault => _value == 0;

    /// <summary>Derives the first candidate number from a youth's details.</summary>
    /// <param name="familyName">The family name (<em>geslachtsnaam</em>), with or without its prefix.</param>
    /// <param name="dateOfBirth">The date of birth.</param>
    /// <param name="sex">The sex.</param>
    /// <returns>The number.</returns>
    /// <exception cref="ArgumentException">The family name holds no letter, or the sex is undefined.</exception>
    public static SubstituteNumber Derive(string familyName, LocalDate dateOfBirth, Sex sex) => Candidates(familyName, dateOfBirth, sex).First;

    /// <summary>Tells whether a nine-digit number has the form of a substitute number.</summary>
    /// <param name="number">The number.</param>
    /// <returns>Whether its eleven-test sum leaves remainder <see cref="Remainder"/>.</returns>
    public static bool IsSubstituteNumber(int number) => number is > 0 and <= 999_999_999 && ElevenTestRemainder(number) == Remainder;

    /// <summary>Reads a substitute number back from its nine digits, as a host stored it.</summary>
    /// <param name="number">The number.</param>
    /// <returns>The substitute number.</returns>
    /// <exception cref="ArgumentException">The number is not of the substitute number's form.</exception>
    public static SubstituteNumber FromNumber(int number) => IsSubstituteNumber(number)
        ? new SubstituteNumber(number)
        : throw new ArgumentException("The number is not a substitute number (verwijsindexservicenummer): its eleven-test remainder is not " + Remainder + ".", nameof(number));

    /// <summary>Reveals the number as an integer, for a host's own records; it identifies a youth as a BSN does.</summary>
    /// <returns>The number.</returns>
    public int RevealNumber() => _value;

    /// <summary>Gets the number as the index carries it where a BSN goes; it never passes the elfproef.</summary>
    /// <returns>The key the index matches on.</returns>
    public Bsn AsIndexKey() => Bsn.FromTrustedNumber(_value);

    /// <inheritdoc/>
    public bool Equals(SubstituteNumber other) => _value == other._value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SubstituteNumber other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _value;

    /// <summary>Returns the masked form, such as <c>VISN *****6789</c>; never the full number.</summary>
    /// <returns>The masked number.</returns>
    public override string ToString() => IsDefault ? "(none)" : "VISN " + Bsn.Mask(_value % 10_000);

    /// <summary>Compares two numbers for equality.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(SubstituteNumber left, SubstituteNumber right) => left.Equals(right);

    /// <summary>Compares two numbers for inequality.</summary>
    /// <param name="left">The first number.</param>
    /// <param name="right">The second number.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(SubstituteNumber left, SubstituteNumber right) => !left.Equals(right);

    /// <summary>The candidates of one youth's details, in order, and the fingerprint of those details.</summary>
    internal static CandidateSequence Candidates(string familyName, LocalDate dateOfBirth, Sex sex)
    {
        ArgumentNullException.ThrowIfNull(familyName);
        if (!Enum.IsDefined(sex))
        {
            throw new ArgumentException("The sex is not defined.", nameof(sex));
        }

        var name = Normalise(familyName);
        if (name.Length == 0)
        {
            throw new ArgumentException("A family name needs at least one letter.", nameof(familyName));
        }

        var details = string.Create(CultureInfo.InvariantCulture, $"{name}|{dateOfBirth:uuuu'-'MM'-'dd}|{(int)sex}");
        return new CandidateSequence(details);
    }

    /// <summary>Letters only, diacritics removed, upper case: the form in which two spellings of one name agree.</summary>
    internal static string Normalise(string familyName)
    {
        var decomposed = familyName.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsLetter(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static int ElevenTestRemainder(int number)
    {
        var sum = -(number % 10);
        var rest = number / 10;
        for (var weight = 2; weight <= 9; weight++)
        {
            sum += weight * (rest % 10);
            rest /= 10;
        }

        return ((sum % 11) + 11) % 11;
    }

    /// <summary>The numbers one set of details can have, first to last; the register walks it past numbers others hold.</summary>
    internal sealed class CandidateSequence(string details)
    {
        public string Fingerprint { get; } = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(details)));

        public SubstituteNumber First => Nth(0, out _);

        /// <summary>The candidate at <paramref name="attempt"/> or later (skipping bodies without a check digit); returns where it was found.</summary>
        public SubstituteNumber Nth(int attempt, out int foundAt)
        {
            Span<byte> hash = stackalloc byte[32];
            for (var n = attempt; ; n++)
            {
                SHA256.HashData(Encoding.UTF8.GetBytes(details + "|" + n.ToString(CultureInfo.InvariantCulture)), hash);
                var body = (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % 100_000_000UL);
                var sum = 0;
                var rest = body;
                for (var weight = 2; weight <= 9; weight++)
                {
                    sum += weight * (rest % 10);
                    rest /= 10;
                }

                // The sum minus the check digit must leave the substitute remainder; 10 is no digit, so that body is skipped.
                var check = (((sum - Remainder) % 11) + 11) % 11;
                if (check <= 9 && body * 10 + check != 0)
                {
                    foundAt = n;
                    return new SubstituteNumber((body * 10) + check);
                }
            }
        }
    }
}
