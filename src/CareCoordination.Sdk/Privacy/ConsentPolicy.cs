using System;
using CareCoordination.Sdk.Identity;
using NodaTime;

namespace CareCoordination.Sdk.Privacy;

/// <summary>
/// Who decides for a youth, by age (WGBO, art. 7:450 BW): under 12 the parents, from 12 to 15 the youth and the
/// parents, from 16 the youth alone. The same persons are informed about a signal (rule 3) and may object or ask
/// for access. The thresholds are policy values.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ConsentPolicy
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="youthTakesPartFromAge">From this age the youth decides too; the law says 12.</param>
    /// <param name="youthDecidesAloneFromAge">From this age the youth decides alone; the law says 16.</param>
    /// <exception cref="ArgumentOutOfRangeException">The ages are not 0 &lt; first &lt; second &lt;= 18.</exception>
    public ConsentPolicy(int youthTakesPartFromAge = 12, int youthDecidesAloneFromAge = 16)
    {
        if (youthTakesPartFromAge < 1 || youthDecidesAloneFromAge <= youthTakesPartFromAge || youthDecidesAloneFromAge > 18)
        {
            throw new ArgumentOutOfRangeException(nameof(youthDecidesAloneFromAge), "The ages must satisfy 0 < youthTakesPartFromAge < youthDecidesAloneFromAge <= 18.");
        }

        YouthTakesPartFromAge = youthTakesPartFromAge;
        YouthDecidesAloneFromAge = youthDecidesAloneFromAge;
    }

    /// <summary>Gets the policy with the legal ages 12 and 16.</summary>
    public static ConsentPolicy Default { get; } = new();

    /// <summary>Gets the age from which the youth decides too.</summary>
    public int YouthTakesPartFromAge { get; }

    /// <summary>Gets the age from which the youth decides alone.</summary>
    public int YouthDecidesAloneFromAge { get; }

    /// <summary>Tells who decides (and is informed) for a youth on a day.</summary>
    /// <param name="youth">The youth.</param>
    /// <param name="today">The day.</param>
    /// <returns><see cref="ConsentGiver.Parents"/>, both, or <see cref="ConsentGiver.Youth"/>.</returns>
    public ConsentGiver WhoDecides(Youth youth, LocalDate today)
    {
        var age = Period.Between(youth.DateOfBirth, today, PeriodUnits.Years).Years;
        return age < YouthTakesPartFromAge ? ConsentGiver.Parents
            : age < YouthDecidesAloneFromAge ? ConsentGiver.Parents | ConsentGiver.Youth
            : ConsentGiver.Youth;
    }
}
