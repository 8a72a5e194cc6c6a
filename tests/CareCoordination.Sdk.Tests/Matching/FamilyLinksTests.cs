using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Matching;
using FsCheck.Xunit;
using Xunit;

namespace CareCoordination.Sdk.Tests.Matching;

public sealed class FamilyLinksTests
{
    [Fact]
    public void A_youth_of_one_household_is_linked_to_that_family_alone()
    {
        var links = FamilyLinks.Of(new FamilyId(7));

        Assert.Equal(1, links.Count);
        Assert.Equal(0, links.IndexOf(new FamilyId(7)));
        Assert.Equal(-1, links.IndexOf(new FamilyId(8)));
        Assert.Null(links.Without(0));
    }

    [Property(MaxTest = 200)]
    public void Links_hold_exactly_the_families_joined_and_not_left_in_the_order_they_joined(byte[] steps)
    {
        var model = new List<FamilyId> { new(1) };
        FamilyLinks? links = FamilyLinks.Of(new FamilyId(1));
        foreach (var step in steps)
        {
            var family = new FamilyId(1 + (step % 9));
            var at = links?.IndexOf(family) ?? -1;
            Assert.Equal(model.IndexOf(family), at);
            if (at >= 0)
            {
                links = links!.Value.Without(at);
                model.RemoveAt(at);
            }
            else
            {
                links = links is { } some ? some.With(family) : FamilyLinks.Of(family);
                model.Add(family);
            }

            Assert.Equal(model, links is { } held ? Enumerable.Range(0, held.Count).Select(i => held[i]) : []);
            Assert.Equal(model, links?.ToArray() ?? []);
        }
    }
}
