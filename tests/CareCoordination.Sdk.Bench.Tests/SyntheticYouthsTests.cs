using System.Collections.Generic;
using CareCoordination.Sdk.Bench.Workloads;
using CareCoordination.Sdk.Identity;
using NodaTime;
using Xunit;

namespace CareCoordination.Sdk.Bench.Tests;

public sealed class SyntheticYouthsTests
{
    [Fact]
    public void Every_generated_bsn_passes_the_elfproef_and_none_repeats()
    {
        var seen = new HashSet<int>();
        foreach (var index in (int[])[0, 1, 8, 9, 10, 12_345, 4_999_999, SyntheticYouths.MaxYouths - 1])
        {
            Assert.True(Bsn.TryParse(SyntheticYouths.BsnNumberOf(index).ToString("D9", System.Globalization.CultureInfo.InvariantCulture), out _));
        }

        for (var index = 0; index < 200_000; index++)
        {
            var number = SyntheticYouths.BsnNumberOf(index);
            Assert.True(seen.Add(number));
            Assert.True(Bsn.TryParse(number.ToString("D9", System.Globalization.CultureInfo.InvariantCulture), out _));
        }
    }

    [Fact]
    public void The_same_shape_and_seed_give_the_same_region_and_another_seed_another()
    {
        var shape = RegionShape.Of(RegionPreset.Municipality) with { Years = 1 };
        var start = new LocalDate(2026, 1, 1);

        var first = SyntheticRegion.Generate(shape, 5, start);
        var again = SyntheticRegion.Generate(shape, 5, start);
        var other = SyntheticRegion.Generate(shape, 6, start);

        Assert.Equal(first.BsnNumbers, again.BsnNumbers);
        Assert.Equal(first.Organisations, again.Organisations);
        Assert.NotEqual(first.BsnNumbers, other.BsnNumbers);
        Assert.InRange(first.Count, 1_850, 1_950);
    }

    [Fact]
    public void Organisations_of_a_skewed_region_differ_greatly_in_size()
    {
        var shape = RegionShape.Of(RegionPreset.Municipality) with { Years = 1 };

        var workload = SyntheticRegion.Generate(shape, 1, new LocalDate(2026, 1, 1));

        var counts = new Dictionary<int, int>();
        foreach (var organisation in workload.Organisations)
        {
            counts[organisation] = counts.GetValueOrDefault(organisation) + 1;
        }

        Assert.True(counts[1] > 10 * counts.GetValueOrDefault(40, 1), "the largest organisation signals more than ten times as often as the 40th");
    }
}
