using System;
using System.Collections.Generic;
using System.Globalization;
using NodaTime;

namespace CareCoordination.Sdk.Bench.Workloads;

/// <summary>
/// Generates a region's registrations day by day from a <see cref="RegionShape"/> and a seed: the same shape and seed
/// always give the same workload. Each registration is one of three kinds, drawn by the shape's shares:
/// <list type="bullet">
/// <item>a follow-up: the youth of a signal made in the last two years (picked per signal, so youths with several
/// organisations around them are picked more often, as in practice); a quarter of them by an organisation that
/// already signalled (a renewal), the rest by another organisation;</item>
/// <item>a sibling: a brother or sister of such a youth, by any organisation;</item>
/// <item>a first signal on a youth drawn from the whole region.</item>
/// </list>
/// Organisations are drawn by a Zipf law, so a few (youth health care, the big schools) make most signals.
/// Professionals only signal on working days.
/// </summary>
internal static class SyntheticRegion
{
    private const int ActiveWindowDays = 730;
    private const int MaxDraws = 32;

    public static Workload Generate(RegionShape shape, int seed, LocalDate start, Action<int, int>? progress = null)
    {
        var random = new Random(seed);
        var (familyStart, familyOf) = Families(shape, random);
        var organisations = OrganisationWeights(shape);
        var days = Period.Between(start, start.PlusYears(shape.Years), PeriodUnits.Days).Days;
        var perWorkingDay = shape.SignalsPerYear * 7 / (5 * 365.25);

        var capacity = (int)Math.Min(int.MaxValue, (shape.SignalsPerYear * shape.Years * 1.05) + 16);
        var youthOf = new List<int>(capacity);
        var organisationOf = new List<int>(capacity);
        var dayOf = new List<int>(capacity);
        var ageLimitDay = new Dictionary<int, int>();
        var oldestRecent = 0;
        var carry = 0.0;
        for (var day = 0; day < days; day++)
        {
            var date = start.PlusDays(day);
            while (oldestRecent < dayOf.Count && dayOf[oldestRecent] <= day - ActiveWindowDays)
            {
                oldestRecent++;
            }

            if (date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
            {
                progress?.Invoke(day + 1, days);
                continue;
            }

            carry += perWorkingDay;
            var today = (int)carry;
            carry -= today;
            for (var n = 0; n < today; n++)
            {
                var (youth, organisation) = Next(shape, random, familyStart, familyOf, organisations, youthOf, organisationOf, oldestRecent, day, start, ageLimitDay);
                youthOf.Add(youth);
                organisationOf.Add(organisation);
                dayOf.Add(day);
            }

            progress?.Invoke(day + 1, days);
        }

        var count = youthOf.Count;
        var bsns = new int[count];
        var families = new int[count];
        for (var i = 0; i < count; i++)
        {
            bsns[i] = SyntheticYouths.BsnNumberOf(youthOf[i]);
            families[i] = familyOf[youthOf[i]] + 1;
        }

        var description = string.Create(CultureInfo.InvariantCulture, $"synthetic region of {shape.Youths:N0} youths in {shape.Families:N0} families, {shape.Organisations:N0} organisations, {shape.Years} year(s), seed {seed}");
        return new Workload(description, start, days, shape.Youths, bsns, families, [.. organisationOf], [.. dayOf]);
    }

    private static (int Youth, int Organisation) Next(
        RegionShape shape, Random random, int[] familyStart, int[] familyOf, double[] organisations,
        List<int> youthOf, List<int> organisationOf, int oldestRecent, int day, LocalDate start, Dictionary<int, int> ageLimitDay)
    {
        // An index that starts empty has few signalled youths to follow up on: the shares reach their full value once
        // the last two years hold a full two years of signals, so the first years do not pile onto a handful of youths.
        var recent = youthOf.Count - oldestRecent;
        var fill = Math.Min(1.0, recent / (shape.SignalsPerYear * ActiveWindowDays / 365.25));
        var kind = random.NextDouble() / Math.Max(fill, 1e-9);
        if (recent > 0 && kind < shape.FollowUpShare + shape.SiblingShare)
        {
            var pick = oldestRecent + random.Next(recent);
            var youth = youthOf[pick];
            if (kind < shape.FollowUpShare)
            {
                if (IsYouth(youth, day, start, ageLimitDay))
                {
                    var organisation = random.NextDouble() < shape.SameOrganisationShare ? organisationOf[pick] : DrawOrganisation(random, organisations);
                    return (youth, organisation);
                }
            }
            else
            {
                var family = familyOf[youth];
                var size = familyStart[family + 1] - familyStart[family];
                if (size > 1)
                {
                    var sibling = familyStart[family] + random.Next(size - 1);
                    sibling += sibling >= youth ? 1 : 0;
                    if (IsYouth(sibling, day, start, ageLimitDay))
                    {
                        return (sibling, DrawOrganisation(random, organisations));
                    }
                }
            }
        }

        for (var draw = 0; ; draw++)
        {
            var youth = random.Next(shape.Youths);
            if (IsYouth(youth, day, start, ageLimitDay) || draw == MaxDraws)
            {
                return (youth, DrawOrganisation(random, organisations));
            }
        }
    }

    /// <summary>Whether the youth is still under the age limit on <paramref name="day"/>; nobody signals an adult.</summary>
    private static bool IsYouth(int youth, int day, LocalDate start, Dictionary<int, int> ageLimitDay)
    {
        if (!ageLimitDay.TryGetValue(youth, out var limit))
        {
            var dateOfBirth = SyntheticYouths.DateOfBirthOf(SyntheticYouths.BsnNumberOf(youth), start);
            limit = Period.Between(start, dateOfBirth.PlusYears(23), PeriodUnits.Days).Days;
            ageLimitDay[youth] = limit;
        }

        return day < limit;
    }

    /// <summary>Splits the youths into families of one to four: every family gets one, the rest go to random families with room.</summary>
    private static (int[] Start, int[] FamilyOf) Families(RegionShape shape, Random random)
    {
        var sizes = new byte[shape.Families];
        Array.Fill(sizes, (byte)1);
        for (var extra = shape.Youths - shape.Families; extra > 0;)
        {
            var family = random.Next(shape.Families);
            if (sizes[family] < 4)
            {
                sizes[family]++;
                extra--;
            }
        }

        var familyStart = new int[shape.Families + 1];
        var familyOf = new int[shape.Youths];
        for (var family = 0; family < shape.Families; family++)
        {
            familyStart[family + 1] = familyStart[family] + sizes[family];
            familyOf.AsSpan(familyStart[family], sizes[family]).Fill(family);
        }

        return (familyStart, familyOf);
    }

    /// <summary>The cumulative Zipf weights of the organisations, normalised to end at 1.</summary>
    private static double[] OrganisationWeights(RegionShape shape)
    {
        var cumulative = new double[shape.Organisations];
        var total = 0.0;
        for (var k = 0; k < cumulative.Length; k++)
        {
            total += 1 / Math.Pow(k + 1, shape.OrganisationSkew);
            cumulative[k] = total;
        }

        for (var k = 0; k < cumulative.Length; k++)
        {
            cumulative[k] /= total;
        }

        return cumulative;
    }

    private static int DrawOrganisation(Random random, double[] cumulative)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1) + 1;
    }
}
