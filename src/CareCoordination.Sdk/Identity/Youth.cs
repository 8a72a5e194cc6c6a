using System;
using CareCoordination.Sdk.Compliance;
using NodaTime;

namespace CareCoordination.Sdk.Identity;

/// <summary>A youth (<em>jeugdige</em>): a person under the region's age limit (23 by law) about whom signals are registered.</summary>
/// <remarks>
/// Equal when the BSN and the date of birth are equal. <c>default(Youth)</c> has no BSN and every API refuses
/// it. <see cref="ToString"/> masks the BSN and leaves out the date of birth. Immutable and thread-safe.
/// </remarks>
[PersonData(PersonDataClassification.DirectIdentifier)]
public readonly struct Youth : IEquatable<Youth>
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="bsn">The citizen service number.</param>
    /// <param name="dateOfBirth">The date of birth, as in the population register (BRP).</param>
    /// <exception cref="ArgumentException"><paramref name="bsn"/> is <c>default(Bsn)</c>.</exception>
    public Youth(Bsn bsn, LocalDate dateOfBirth)
    {
        if (bsn.IsDefault)
        {
            throw new ArgumentException("A youth needs a valid BSN.", nameof(bsn));
        }

        Bsn = bsn;
        DateOfBirth = dateOfBirth;
    }

    /// <summary>Creates a youth who has no BSN yet, keyed by its substitute number (<em>verwijsindexservicenummer</em>).</summary>
    /// <param name="number">The substitute number, from <see cref="Facility.SubstituteNumberRegister.Issue"/>.</param>
    /// <param name="dateOfBirth">The date of birth the number was derived from.</param>
    /// <returns>The youth; its <see cref="Bsn"/> carries the substitute number, and <see cref="Identity.Bsn.IsSubstituteNumber"/> says so.</returns>
    /// <exception cref="ArgumentException"><paramref name="number"/> is <c>default</c>.</exception>
    public static Youth WithoutBsn(SubstituteNumber number, LocalDate dateOfBirth) =>
        number.IsDefault ? throw new ArgumentException("A youth without a BSN needs a substitute number.", nameof(number)) : new(number.AsIndexKey(), dateOfBirth);

    /// <summary>Gets the citizen service number, or the substitute number the index keys a youth without a BSN by.</summary>
    [PersonData(PersonDataClassification.DirectIdentifier)]
    public Bsn Bsn { get; }

    /// <summary>Gets the date of birth.</summary>
    [PersonData(PersonDataClassification.QuasiIdentifier)]
    public LocalDate DateOfBirth { get; }

    /// <summary>Gets a value indicating whether this is <c>default(Youth)</c>.</summary>
    public bool IsDefault => Bsn.IsDefault;

    /// <summary>Computes the age in whole years on a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The age; negative before the date of birth.</returns>
    public int AgeOn(LocalDate date) => date < DateOfBirth
        ? -Period.Between(date, DateOfBirth, PeriodUnits.Years).Years - 1
        : Period.Between(DateOfBirth, date, PeriodUnits.Years).Years;

    /// <inheritdoc/>
    public bool Equals(Youth other) => Bsn == other.Bsn && DateOfBirth == other.DateOfBirth;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Youth other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Bsn, DateOfBirth);

    /// <summary>Returns the masked BSN; never the full number or the date of birth.</summary>
    /// <returns>For example <c>youth *****6789</c>.</returns>
    public override string ToString() => "youth " + Bsn;

    /// <summary>Compares two youths for equality.</summary>
    /// <param name="left">The first youth.</param>
    /// <param name="right">The second youth.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(Youth left, Youth right) => left.Equals(right);

    /// <summary>Compares two youths for inequality.</summary>
    /// <param name="left">The first youth.</param>
    /// <param name="right">The second youth.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Youth left, Youth right) => !left.Equals(right);
}
