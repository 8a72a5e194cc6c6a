using System;
using NodaTime;

namespace CareCoordination.Sdk.Bench.Workloads;

/// <summary>
/// The youths of a synthetic region: valid BSNs (they pass the elfproef) and dates of birth, both derived from a number
/// so that a CSV export (which has no date of birth) replays exactly as the generated run did.
/// </summary>
internal static class SyntheticYouths
{
    /// <summary>About 23 years in days: the oldest youth is one day short of the age limit on day 0.</summary>
    public const int AgeSpreadDays = 8_395;

    /// <summary>
    /// In every block of ten eight-digit prefixes that share their first seven digits, at most one has check digit 10
    /// (the last weight is 2, so the ten prefixes give ten different remainders); nine are therefore always valid.
    /// </summary>
    private const int ValidPerBlock = 9;

    // Start past 10000000 itself, whose weighted sum minus its check digit is 0, which the elfproef forbids.
    private const int FirstBlock = 1_000_001;

    /// <summary>The largest number of distinct youths this numbering can give.</summary>
    public const int MaxYouths = (9_999_999 - FirstBlock) * ValidPerBlock;

    /// <summary>The BSN (as a number) of youth <paramref name="index"/>: distinct for every index, and valid.</summary>
    public static int BsnNumberOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, MaxYouths);
        var prefix = (FirstBlock + (index / ValidPerBlock)) * 10;
        var wanted = index % ValidPerBlock;
        for (var last = 0; last <= 9; last++)
        {
            var check = CheckDigit(prefix + last);
            if (check < 10 && wanted-- == 0)
            {
                return ((prefix + last) * 10) + check;
            }
        }

        throw new InvalidOperationException("A block of ten prefixes always holds nine valid BSNs.");
    }

    /// <summary>
    /// The date of birth the benchmark gives a youth: day 0 minus (BSN mod 8,395) days, so ages on day 0 spread evenly
    /// from 0 to 22 and some youths reach the age limit of 23 during the run, as in a real region.
    /// </summary>
    public static LocalDate DateOfBirthOf(int bsnNumber, LocalDate start) => start.PlusDays(-(bsnNumber % AgeSpreadDays));

    /// <summary>The check digit of an eight-digit prefix: 9·d1 + … + 2·d8 mod 11 (10 means no valid BSN).</summary>
    private static int CheckDigit(int prefix)
    {
        var sum = 0;
        for (var weight = 2; weight <= 9; weight++)
        {
            sum += weight * (prefix % 10);
            prefix /= 10;
        }

        return sum % 11;
    }
}
